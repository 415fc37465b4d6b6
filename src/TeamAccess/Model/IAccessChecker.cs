namespace TeamAccess;

/// <summary>
/// Answers "may this user do this in this team (on this resource)?" from an in-memory compiled index: synchronous, no
/// store call, no lock, no allocation. Deny by default: an unknown user, team, permission or resource is <see langword="false"/>.
/// </summary>
public interface IAccessChecker
{
    /// <summary>
    /// Checks a permission without naming a resource. A role scoped to grants (such as Member and Observer of
    /// <see cref="RolePresets.OwnerAdministratorMemberObserver"/>) reaches resources only through grants, so asked this
    /// way about a resource permission (<c>resources.read</c>, <c>resources.write</c> and every permission the host
    /// registers) it answers <see langword="false"/>, whatever it is granted on some resource; its team-level
    /// permissions (<c>members.read</c> and the other built-in ones) it answers as its role holds them. Name the
    /// resource to ask about one.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="permission">A permission resolved from the <see cref="PermissionCatalog"/>.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    bool HasPermission(UserId userId, TeamId teamId, Permission permission);

    /// <summary>Checks a permission on one resource.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="permission">A permission resolved from the <see cref="PermissionCatalog"/>.</param>
    /// <param name="resourceId">The host's resource id.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    bool HasPermission(UserId userId, TeamId teamId, Permission permission, string resourceId);

    /// <summary>
    /// Checks a permission by name without naming a resource (one extra hash lookup for the name); a role scoped to
    /// grants answers <see langword="false"/> for every resource permission, as
    /// <see cref="HasPermission(UserId, TeamId, Permission)"/> says.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="permission">The permission's name.</param>
    /// <returns><see langword="true"/> when allowed; <see langword="false"/> for an unknown permission.</returns>
    bool HasPermission(UserId userId, TeamId teamId, string permission);

    /// <summary>Checks a permission on one resource by name.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="permission">The permission's name.</param>
    /// <param name="resourceId">The host's resource id.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    bool HasPermission(UserId userId, TeamId teamId, string permission, string resourceId);

    /// <summary>
    /// Resolves (user, team) once, for a request that checks several permissions: the handle's further checks are a bit
    /// test. An unknown user or team gives a handle that holds nothing.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="teamId">The team.</param>
    /// <returns>The handle.</returns>
    AccessHandle Resolve(UserId userId, TeamId teamId);

    /// <summary>Tells why a check is allowed or denied: which membership, role, grant or group, or what is missing.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="permission">The permission's name.</param>
    /// <param name="resourceId">The resource id, or <see langword="null"/> for a team-level check.</param>
    /// <returns>The decision with its reason.</returns>
    AccessDecision Explain(UserId userId, TeamId teamId, string permission, string? resourceId = null);

    /// <summary>
    /// Brings this instance's index up to at least a write's <see cref="ConsistencyToken"/> (from any instance), so that
    /// the checks after it see that write: waits a bounded time for the change feed, then reads the team from the store.
    /// A token ahead of the store (forged, or from another database) costs one row read and answers
    /// <see langword="false"/> without loading the team. Without a token, checks are at most the configured staleness
    /// bound behind other instances' writes.
    /// </summary>
    /// <param name="token">The token a write returned.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns><see langword="true"/> when the index now holds the token's version of the team or a newer one.</returns>
    ValueTask<bool> CatchUpAsync(ConsistencyToken token, CancellationToken cancellationToken = default);
}
