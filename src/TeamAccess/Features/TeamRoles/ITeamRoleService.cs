namespace TeamAccess.TeamRoles;

/// <summary>
/// A team's own roles (needs <c>roles.manage</c> to change, <c>members.read</c> to list). Nobody defines, changes or
/// deletes a role ranked at or above their own, or holding a permission they do not hold; a catalog role cannot be
/// defined, changed or shadowed; a role in use cannot be deleted. Memberships, invitations and the team's just-in-time
/// role name a team role as they name a catalog role.
/// </summary>
public interface ITeamRoleService
{
    /// <summary>Defines a role for the team.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="request">The role's name, rank, permissions and flags.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The role; or NotFound, PermissionDenied, InvalidRoleName, CatalogRole, RoleNameTaken, TeamRoleLimitReached,
    /// InvalidPermission, PermissionNotAllowed, ReadOnlyRole, RoleRankTooHigh, ExceedsGranterPermissions.
    /// </returns>
    ValueTask<Result<TeamRole>> CreateAsync(UserId actor, TeamId teamId, TeamRoleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes the team role named by <see cref="TeamRoleRequest.Name"/>; its holders hold the new definition at once.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="request">The role's name (which does not change), new rank, permissions and flags.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The role; or NotFound, PermissionDenied, InvalidRoleName, CatalogRole, InvalidPermission, PermissionNotAllowed,
    /// ReadOnlyRole, RoleRankTooHigh, ExceedsGranterPermissions, DirectoryProvisionNeedsGuardian (a non-guardian adds
    /// <c>directory.provision</c> to a role a service account holds).
    /// </returns>
    ValueTask<Result<TeamRole>> UpdateAsync(UserId actor, TeamId teamId, TeamRoleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a team role nobody holds, is invited to or joins in just in time.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="name">The role's name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Success; or NotFound, PermissionDenied, InvalidRoleName, CatalogRole, RoleRankTooHigh, ExceedsGranterPermissions,
    /// RoleInUse (whose details name up to five holders' membership ids, and whose message counts them).
    /// </returns>
    ValueTask<Result> DeleteAsync(UserId actor, TeamId teamId, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists the team's own roles, highest rank first (needs <c>members.read</c>).</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The roles; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<TeamRole>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);
}
