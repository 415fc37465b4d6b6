using TeamAccess.Accounts;
using TeamAccess.Writes;

namespace TeamAccess.Invitations;

/// <summary>
/// The default <see cref="IInvitationService"/>: one public entry for both sides of an invitation, the team's
/// (<see cref="TeamInvitations"/>) and the invited person's (<see cref="InviteeInvitations"/>).
/// </summary>
internal sealed class InvitationService(TeamInvitations team, InviteeInvitations invitee) : IInvitationService
{
    public ValueTask<Result<InviteBatchResult>> InviteAsync(UserId actor, TeamId teamId, InviteRequest request, CancellationToken cancellationToken = default) =>
        team.InviteAsync(actor, teamId, request, cancellationToken);

    public ValueTask<Result<InvitationView>> ResendAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        team.ResendAsync(actor, teamId, membershipId, cancellationToken);

    public ValueTask<Result> RevokeAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        team.RevokeAsync(actor, teamId, membershipId, cancellationToken);

    public ValueTask<Result<IReadOnlyList<InvitationView>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default) =>
        team.ListAsync(actor, teamId, cancellationToken);

    public ValueTask<Result<Page<InvitationView, MemberPageKey>>> ListPageAsync(UserId actor, TeamId teamId, InvitationQuery query, CancellationToken cancellationToken = default) =>
        team.ListPageAsync(actor, teamId, query, cancellationToken);

    public ValueTask<Result<InvitationPreview>> PeekAsync(InvitationKey key, CancellationToken cancellationToken = default) =>
        invitee.PeekAsync(key, cancellationToken);

    public ValueTask<Result<Membership>> AcceptAsync(UserId userId, InvitationKey key, SignInCredential? credential = null, CancellationToken cancellationToken = default) =>
        invitee.AcceptAsync(userId, key, credential, cancellationToken).AsView();

    public ValueTask<Result<AcceptResult>> AcceptWithNewAccountAsync(InvitationKey key, NewAccount account, CancellationToken cancellationToken = default) =>
        invitee.AcceptWithNewAccountAsync(key, account, cancellationToken);

    public ValueTask<Result> DeclineAsync(InvitationKey key, CancellationToken cancellationToken = default) =>
        invitee.DeclineAsync(key, cancellationToken);
}
