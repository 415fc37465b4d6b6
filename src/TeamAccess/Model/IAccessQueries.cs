namespace TeamAccess;

/// <summary>
/// The "who can" and "what can" lists of a team, answered from the same in-memory compiled index as
/// <see cref="IAccessChecker"/> (no store call, no await) and agreeing with its checks: a user is listed exactly when
/// <see cref="IAccessChecker.HasPermission(UserId, TeamId, string, string)"/> says yes. Unlike the checks, a list is a read
/// of other people's access, so it is authorized: the actor needs <c>members.read</c> in the team, or asks about
/// themself; someone with no membership in the team is answered <see cref="TeamAccessErrorCode.NotFound"/>, as if the
/// team did not exist. The lists are keyset-paged with an opaque cursor on a stable key (the user id, the resource id),
/// so a cursor keeps working after the team's index is swapped for a newer version; a page never ends the list
/// silently: <c>HasMore</c> says whether another page follows. Like the checks, the answers are at most the configured
/// staleness bound behind other instances' writes; call <see cref="IAccessChecker.CatchUpAsync"/> with a write's token
/// first to see that write.
/// </summary>
public interface IAccessQueries
{
    /// <summary>
    /// Lists the team's members who hold a permission, and how each holds it: every user for whom
    /// <see cref="IAccessChecker.HasPermission(UserId, TeamId, string)"/> (or, with a resource, the check on that
    /// resource) is <see langword="true"/>, ordered by user id. Without a resource a role scoped to grants holds no resource
    /// permission, so its holders are listed only for its team-level permissions; with one, the members whose role reaches
    /// every resource and those a grant on it reaches, directly or through a group. Needs <c>members.read</c>.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="permission">The permission's name.</param>
    /// <param name="resourceId">The resource, or <see langword="null"/> for the team-level check.</param>
    /// <param name="page">The page size and the cursor of the previous page; <see langword="default"/> for the first page.</param>
    /// <returns>The page; or InvalidPermission, InvalidResource, InvalidCursor, NotFound, TeamDeleted, PermissionDenied.</returns>
    Result<PermissionHolderPage> ListUsersWithPermission(UserId actor, TeamId teamId, string permission, string? resourceId = null, AccessPageRequest page = default);

    /// <summary>
    /// Lists the resources on which grants give a user a permission (a Member's device list), directly or through the
    /// user's groups, ordered by resource id (ordinal), and tells whether the user's role reaches every resource with it
    /// anyway (an Administrator's, or Viewer's for a read): the check on a resource is <see langword="true"/> exactly when
    /// <see cref="ResourcePage.RoleReachesEveryResource"/> is or the resource is listed. A user with no Active membership
    /// reaches nothing. Needs <c>members.read</c> unless <paramref name="userId"/> is the actor.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="userId">The user whose resources to list.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="permission">The permission's name.</param>
    /// <param name="page">The page size and the cursor of the previous page; <see langword="default"/> for the first page.</param>
    /// <returns>The page; or InvalidPermission, InvalidCursor, NotFound, TeamDeleted, PermissionDenied.</returns>
    Result<ResourcePage> ListResources(UserId actor, UserId userId, TeamId teamId, string permission, AccessPageRequest page = default);

    /// <summary>
    /// Gets every permission a user holds in the team, or on one resource, in one call (to show only the buttons a page
    /// allows): exactly the permissions for which the check is <see langword="true"/>. At most
    /// <see cref="PermissionCatalog.MaxPermissions"/>, so not paged. A user with no Active membership holds none; about another user with no current membership in the team (none, or only ended ones) the answer is NotFound. Needs
    /// <c>members.read</c> unless <paramref name="userId"/> is the actor.
    /// </summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="userId">The user whose permissions to get.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="resourceId">The resource, or <see langword="null"/> for the team-level checks.</param>
    /// <returns>The permissions; or InvalidResource, NotFound, TeamDeleted, PermissionDenied.</returns>
    Result<PermissionSet> GetPermissions(UserId actor, UserId userId, TeamId teamId, string? resourceId = null);
}
