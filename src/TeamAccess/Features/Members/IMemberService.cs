namespace TeamAccess.Members;

/// <summary>A team's members: list them, add, change role, deactivate, reactivate, remove, leave.</summary>
/// <remarks>
/// Every change is refused with <see cref="TeamAccessErrorCode.LastGuardian"/> when it would leave the team without an
/// Active guardian, and with <see cref="TeamAccessErrorCode.RoleRankTooHigh"/> when the actor would give or manage a role
/// ranked above their own. A membership of another team answers <see cref="TeamAccessErrorCode.NotFound"/>.
/// </remarks>
public interface IMemberService
{
    /// <summary>
    /// Lists one page of the team's members (needs <c>members.read</c>): filtered by status (non-terminal ones when none
    /// is given), role and email prefix, ordered by email address then membership id, with the users' names and, on the first
    /// page, the count of every matching member. Continue with the page's <see cref="MemberPage.Next"/> as <see cref="MemberQuery.After"/>:
    /// a member present throughout is listed exactly once, whatever is added or removed between the pages.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The filters, the page size (at most <see cref="MemberQuery.MaxPageSize"/>) and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page; or NotFound, TeamDeleted, PermissionDenied.</returns>
    ValueTask<Result<MemberPage>> ListPageAsync(UserId actor, TeamId teamId, MemberQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists all the team's non-terminal memberships (needs <c>members.read</c>), ordered by email: a loop over
    /// <see cref="ListPageAsync"/> with the largest pages, kept for small teams. A portal shows pages instead.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The members; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<MemberView>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks an existing user to join the team (needs <c>members.invite</c>): a team member never adds another person
    /// directly, so the user's address is invited (an Invited membership and an invitation message after the commit),
    /// and the user joins only by accepting. The host, which provisions members itself, adds them directly with
    /// <see cref="AddAsHostAsync"/>.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="userId">The user to invite.</param>
    /// <param name="role">The role to give once the invitation is accepted.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The Invited membership; or NotFound, PermissionDenied, InvalidRole, RoleRankTooHigh, GuardianRequired, ExceedsGranterPermissions, AlreadyMember, AlreadyInvited, RateLimited.</returns>
    ValueTask<Result<Membership>> AddAsync(UserId actor, TeamId teamId, UserId userId, string role, CancellationToken cancellationToken = default);

    /// <summary>
    /// The host adds an existing user to the team as an Active member, with no invitation: code without a team session
    /// that provisions members itself (a migration, a provisioning job, a test's setup), never reachable with a team
    /// session, so expose it to no HTTP route. Any role may be given, the guardian role included; the team's own rules
    /// (one current membership per user and address) hold, and the audit log records no acting user.
    /// </summary>
    /// <param name="teamId">The team.</param>
    /// <param name="userId">The user to add.</param>
    /// <param name="role">The role to give.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The membership; or NotFound, TeamDeleted, InvalidRole, AlreadyMember, AlreadyInvited.</returns>
    ValueTask<Result<Membership>> AddAsHostAsync(TeamId teamId, UserId userId, string role, CancellationToken cancellationToken = default);

    /// <summary>Changes an Active member's role (needs <c>members.manage</c>). The member's sessions end (new security stamp).</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="role">The new role.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The membership; or NotFound, PermissionDenied, InvalidRole, RoleRankTooHigh, GuardianRequired, LastGuardian, InvalidTransition.</returns>
    ValueTask<Result<Membership>> ChangeRoleAsync(UserId actor, TeamId teamId, MembershipId membershipId, string role, CancellationToken cancellationToken = default);

    /// <summary>
    /// Edits a member's first and last names, as the Edit User page of a portal does. The names are the user's, shared by
    /// every team they belong to, and a team never edits a global user: only the member themselves changes them here (as
    /// <see cref="TeamAccess.Accounts.IUserService.UpdateNameAsync"/> does; the event is also in this team's audit log). Another member's
    /// names (needs <c>members.manage</c>; nobody edits a member whose role ranks above their own) are refused with
    /// <see cref="TeamAccessErrorCode.NamesAreTheUsers"/> unless they stay as they are, which succeeds and changes
    /// nothing (a page that saves only the role). Only Active and Inactive members: an invited address names itself when
    /// it accepts. The email is never changed.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The member's membership.</param>
    /// <param name="firstName">The new first name.</param>
    /// <param name="lastName">The new last name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The member's row; or NotFound, PermissionDenied, RoleRankTooHigh, InvalidName, NamesAreTheUsers, InvalidTransition (an Invited membership).</returns>
    ValueTask<Result<MemberView>> UpdateNamesAsync(UserId actor, TeamId teamId, MembershipId membershipId, string firstName, string lastName, CancellationToken cancellationToken = default);

    /// <summary>Deactivates an Active member (needs <c>members.manage</c>): no permissions until reactivated.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The membership; or NotFound, PermissionDenied, RoleRankTooHigh, LastGuardian, InvalidTransition.</returns>
    ValueTask<Result<Membership>> DeactivateAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default);

    /// <summary>Reactivates an Inactive member (needs <c>members.manage</c>).</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The membership; or NotFound, PermissionDenied, RoleRankTooHigh, InvalidTransition.</returns>
    ValueTask<Result<Membership>> ReactivateAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs a member out of this team (needs <c>members.manage</c>, the permission that already ends a member's sessions
    /// by deactivating or removing them): every session of the member in this team ends on every instance within the
    /// change feed's staleness bound; their sessions in other teams go on. Never a member ranked above the actor. Audited
    /// as <c>membership.sessions_ended</c> (the <c>MemberSessionsEndedEvent</c>).
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The membership; or NotFound, PermissionDenied, RoleRankTooHigh, InvalidTransition (an invitation, which has no session).</returns>
    ValueTask<Result<Membership>> SignOutAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a member (needs <c>members.manage</c>); on an Invited membership this revokes the invitation (the "delete"
    /// button of a pending row). The membership leaves its groups and loses its direct grants.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The membership; or NotFound, PermissionDenied, RoleRankTooHigh, LastGuardian, InvalidTransition.</returns>
    ValueTask<Result<Membership>> RemoveAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default);

    /// <summary>Leaves the team: the actor's own Active or Inactive membership is removed. The last guardian cannot leave.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The membership; or NotFound, LastGuardian, InvalidTransition.</returns>
    ValueTask<Result<Membership>> LeaveAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);
}
