using TeamAccess.Accounts;

namespace TeamAccess.Invitations;

/// <summary>
/// The invitation lifecycle: invite, resend, revoke, list; and for the invitee, look, accept or decline. Secrets go to
/// the <see cref="IInvitationSender"/> once and are never returned by any read.
/// </summary>
public interface IInvitationService
{
    /// <summary>
    /// Invites addresses into a role (needs <c>members.invite</c>; nobody invites above their own rank; only a guardian
    /// invites into the guardian role). Each address gets its own outcome; one bad address never stops the others.
    /// </summary>
    /// <param name="actor">The inviting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="request">The addresses, role and lifetime.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcomes; or NotFound, PermissionDenied, InvalidRole, InvalidLifetime or BatchTooLarge, with nothing done.</returns>
    ValueTask<Result<InviteBatchResult>> InviteAsync(UserId actor, TeamId teamId, InviteRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sends a pending invitation again with a new secret (the old one dies) and a restarted expiry. Rate-limited.</summary>
    /// <param name="actor">The acting user (needs <c>members.invite</c>).</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The Invited membership.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The invitation's new state, or a refusal (RateLimited, InvalidTransition, NotFound, ...).</returns>
    ValueTask<Result<InvitationView>> ResendAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a pending invitation: the membership goes to Removed and its secret dies.</summary>
    /// <param name="actor">The acting user (needs <c>members.invite</c>).</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The Invited membership.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or a refusal.</returns>
    ValueTask<Result> RevokeAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default);

    /// <summary>Lists the team's invitations, newest first, with their status and who invited when (needs <c>members.read</c>).</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows; never a token or code.</returns>
    ValueTask<Result<IReadOnlyList<InvitationView>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists one page of the team's invitations, keyset-paged on (address, membership id), without loading the team
    /// (needs <c>members.read</c>): what a portal's invitations page shows.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The filters, page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page, never a token or code; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<Page<InvitationView, MemberPageKey>>> ListPageAsync(UserId actor, TeamId teamId, InvitationQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Shows what an invitation offers. Never consumes it (mail scanners open every link): a right code can be looked at
    /// any number of times; only wrong codes count toward <see cref="InvitationOptions.MaxCodeAttempts"/> (a try holds one
    /// of its places while it is judged, so more tries at once than there are places may be answered as locked). Code
    /// tries count toward <see cref="InvitationOptions.MaxCodeTriesPerAddressPerHour"/> and
    /// <see cref="InvitationOptions.MaxCodeTriesPerTeamPerHour"/> (<see cref="TeamAccessErrorCode.RateLimited"/>), and
    /// never write to the team.
    /// </summary>
    /// <param name="key">The token, or the code with its team and email.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The preview, or InvalidToken (a wrong code, an unknown team or address, and a code locked after too many wrong tries alike).</returns>
    ValueTask<Result<InvitationPreview>> PeekAsync(InvitationKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Accepts as a signed-in user whose email is the invited one: the membership goes Active with the invited role, and
    /// the user's address counts as confirmed (the invitation's secret reached it). A team that requires single sign-on
    /// also needs <paramref name="credential"/> from its provider, with the invited email verified.
    /// </summary>
    /// <param name="userId">The signed-in user.</param>
    /// <param name="key">The token, or the code with its team and email.</param>
    /// <param name="credential">The token of the team's SSO provider, when the team requires it; the provider validates it and the identity is linked to the user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The Active membership, or InvalidToken, InvitationExpired, InvitationRevoked, InvitationDeclined,
    /// InvitationAlreadyAccepted, EmailMismatch, SsoRequired, InviterLostRight, AlreadyMember, LoginAlreadyLinked. A code locked after
    /// too many wrong tries answers InvalidToken, as a wrong code does (the link still works).
    /// </returns>
    ValueTask<Result<Membership>> AcceptAsync(UserId userId, InvitationKey key, SignInCredential? credential = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Accepts by creating an account with the invited email: a password meeting the policy (failed criteria are listed
    /// in the error's details), or for a team that requires single sign-on, an identity from its provider. The user (whose
    /// address counts as confirmed: the invitation's secret reached it) and the Active membership are created together.
    /// </summary>
    /// <param name="key">The token, or the code with its team and email.</param>
    /// <param name="account">Names and password or identity.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new user and membership, or a refusal (as <see cref="AcceptAsync"/>, and PasswordPolicy, InvalidName, SignInRequired, ProviderNotAccepted).</returns>
    ValueTask<Result<AcceptResult>> AcceptWithNewAccountAsync(InvitationKey key, NewAccount account, CancellationToken cancellationToken = default);

    /// <summary>Declines: the membership goes to Removed, and the inviter sees the invitation as declined.</summary>
    /// <param name="key">The token, or the code with its team and email.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or a refusal as for <see cref="AcceptAsync"/>.</returns>
    ValueTask<Result> DeclineAsync(InvitationKey key, CancellationToken cancellationToken = default);
}
