using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Invitations;

/// <summary>
/// The team's side of invitations, what a member with <see cref="Permissions.MembersInvite"/> does: invite, resend,
/// revoke, and list. Every write runs on the team through <see cref="TeamWriter"/>; messages are sent only after the
/// commit, so a retried write never sends twice.
/// </summary>
internal sealed class TeamInvitations(
    IUserStore users,
    TeamWriter writer,
    IInvitationSender sender,
    IOptions<TeamAccessOptions> options,
    ListReader reads,
    ILogger<TeamInvitations>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<TeamInvitations>.Instance;

    private InvitationOptions Options => options.Value.Invitations;

    public async ValueTask<Result<InviteBatchResult>> InviteAsync(UserId actor, TeamId teamId, InviteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Addresses is null)
        {
            return Result<InviteBatchResult>.Failed(TeamAccessErrorCode.InvalidEmail);
        }

        if (request.Addresses.Count > Options.MaxBatchSize)
        {
            return Result<InviteBatchResult>.Failed(TeamAccessErrorCode.BatchTooLarge);
        }

        if (!RoleCatalog.IsValidName(request.Role))
        {
            return Result<InviteBatchResult>.Failed(TeamAccessErrorCode.InvalidRole);
        }

        var lifetime = request.Lifetime ?? Options.Lifetime;
        if (lifetime < Options.MinLifetime || lifetime > Options.MaxLifetime)
        {
            return Result<InviteBatchResult>.Failed(TeamAccessErrorCode.InvalidLifetime);
        }

        var inviter = await users.FindByIdAsync(actor, cancellationToken).ConfigureAwait(false);
        var decided = await writer.RunOnTeamAsync(
            actor, teamId, Permissions.MembersInvite, "Invite", team => team.FindRole(request.Role).TryGetValue(out var role)
                ? Result<InviteBatch>.Ok(team.Invite(request.Addresses, role, lifetime, Options))
                : Result<InviteBatch>.Failed(TeamAccessErrorCode.InvalidRole), cancellationToken).ConfigureAwait(false);
        if (!decided.TryGetValue(out var batch))
        {
            return Result<InviteBatchResult>.Failed(decided.Error!);
        }

        // Only the attempt that committed is sent: its secrets are the stored ones.
        var delivered = await SendAsync(batch.Issued, inviter, cancellationToken).ConfigureAwait(false);
        var outcomes = batch.Outcomes
            .Select(o => o.MembershipId is { } id ? o.WithDelivered(delivered.Contains(id)) : o)
            .ToArray();
        return Result<InviteBatchResult>.Ok(new InviteBatchResult(outcomes));
    }

    /// <summary>Sends the invitations a committed write issued (an invite batch, an import); returns the ones the sender took.</summary>
    public async ValueTask<HashSet<MembershipId>> SendAsync(IReadOnlyList<IssuedInvitation> issued, StoredUser? inviter, CancellationToken cancellationToken)
    {
        var delivered = new HashSet<MembershipId>();
        foreach (var invitation in issued)
        {
            if (await SendAsync(Message(invitation, inviter, isResend: false), cancellationToken).ConfigureAwait(false))
            {
                delivered.Add(invitation.Membership.Id);
            }
        }

        return delivered;
    }

    public async ValueTask<Result<InvitationView>> ResendAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken)
    {
        var inviter = await users.FindByIdAsync(actor, cancellationToken).ConfigureAwait(false);
        var decided = await writer.RunOnTeamAsync(actor, teamId, Permissions.MembersInvite, "ResendInvitation", team => team.Resend(membershipId, Options), cancellationToken).ConfigureAwait(false);
        if (!decided.TryGetValue(out var resent))
        {
            return Result<InvitationView>.Failed(decided.Error!);
        }

        await SendAsync(Message(resent, inviter, isResend: true), cancellationToken).ConfigureAwait(false);
        return Result<InvitationView>.Ok(View(resent.Membership, writer.Time.GetUtcNow()));
    }

    public async ValueTask<Result> RevokeAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.MembersInvite, "RevokeInvitation", team => team.Revoke(membershipId), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Result<IReadOnlyList<InvitationView>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken)
    {
        var read = await Actor.ReadAsync(writer.Teams, writer.Roles, actor, teamId, Permissions.MembersRead, cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(out var snapshot))
        {
            return Result<IReadOnlyList<InvitationView>>.Failed(read.Error!);
        }

        var now = writer.Time.GetUtcNow();
        IReadOnlyList<InvitationView> rows = snapshot.Memberships.Values
            .Where(m => m.Invitation is not null)
            .OrderByDescending(m => m.CreatedAt)
            .ThenBy(m => m.Email, StringComparer.Ordinal)
            .Select(m => View(m, now))
            .ToArray();
        return Result<IReadOnlyList<InvitationView>>.Ok(rows);
    }

    public async ValueTask<Result<Page<InvitationView, MemberPageKey>>> ListPageAsync(UserId actor, TeamId teamId, InvitationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var read = await reads.ReadAsync(actor, teamId, Permissions.MembersRead, (lists, ct) => lists.ListInvitationsAsync(teamId, query, ct), cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(out var page))
        {
            return Result<Page<InvitationView, MemberPageKey>>.Failed(read.Error!);
        }

        var now = writer.Time.GetUtcNow();
        return Result<Page<InvitationView, MemberPageKey>>.Ok(new(page.Items.Select(m => View(m, now)).ToArray(), page.Next));
    }

    private static InvitationView View(StoredMembership m, DateTimeOffset now) =>
        new(m.Id, m.Email, m.Role, TeamAggregate.InvitationStatusOf(m, now), m.CreatedBy, m.CreatedAt, m.Invitation!.LastSentAt, m.Invitation.SendCount, m.Invitation.ExpiresAt);

    private static InvitationMessage Message(IssuedInvitation issued, StoredUser? inviter, bool isResend)
    {
        var (team, membership, secret) = issued;
        return new(membership.Email, team.Id, team.Name, team.Handle, inviter?.Email, membership.Role, secret.Token, secret.Code, membership.Invitation!.ExpiresAt, membership.Id, isResend);
    }

    private async ValueTask<bool> SendAsync(InvitationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The invitation is committed; a failed delivery is reported in the outcome and can be resent.
            // Neither the message nor the exception is logged as an object: either may carry the link.
            _logger.InvitationNotDelivered(message.MembershipId, message.TeamId, ex.GetType().Name);
            return false;
        }
    }
}
