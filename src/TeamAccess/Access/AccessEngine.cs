using System.Collections.Concurrent;

namespace TeamAccess;

/// <summary>
/// The permission engine: a compiled index per team, swapped whole on change (copy-on-write) so that readers on any
/// thread always see one consistent version of a team without taking a lock.
/// </summary>
internal sealed class AccessEngine : IAccessChecker
{
    private readonly ConcurrentDictionary<TeamId, CompiledTeam> _teams = new();
    private readonly RoleCatalog _roles;

    public AccessEngine(RoleCatalog roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        _roles = roles;
    }

    public int TeamCount => _teams.Count;

    /// <summary>Compiles the team's new snapshot and swaps it in, unless a newer version is already there.</summary>
    public void Apply(TeamSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var compiled = new CompiledTeam(snapshot, _roles);
        while (true)
        {
            if (!_teams.TryGetValue(snapshot.Id, out var existing))
            {
                if (_teams.TryAdd(snapshot.Id, compiled))
                {
                    return;
                }
            }
            else if (existing.Snapshot.Version >= snapshot.Version || _teams.TryUpdate(snapshot.Id, compiled, existing))
            {
                // Two writers publishing out of order must not put an older version back.
                return;
            }
        }
    }

    public bool HasPermission(UserId userId, TeamId teamId, Permission permission) =>
        permission.IsDefined && _teams.TryGetValue(teamId, out var team) && team.TryGetSlot(userId, out var slot) && (team.TeamMask(slot) & permission.Mask) != 0;

    public bool HasPermission(UserId userId, TeamId teamId, Permission permission, string resourceId) =>
        resourceId is not null && permission.IsDefined && _teams.TryGetValue(teamId, out var team) && team.TryGetSlot(userId, out var slot)
        && (team.ResourceMask(slot, resourceId) & permission.Mask) != 0;

    public bool HasPermission(UserId userId, TeamId teamId, string permission) =>
        _roles.PermissionCatalog.TryGet(permission, out var resolved) && HasPermission(userId, teamId, resolved);

    public bool HasPermission(UserId userId, TeamId teamId, string permission, string resourceId) =>
        _roles.PermissionCatalog.TryGet(permission, out var resolved) && HasPermission(userId, teamId, resolved, resourceId);

    public AccessDecision Explain(UserId userId, TeamId teamId, string permission, string? resourceId = null)
    {
        if (!_roles.PermissionCatalog.TryGet(permission, out var resolved))
        {
            return new AccessDecision(false, AccessReason.UnknownPermission);
        }

        if (!_teams.TryGetValue(teamId, out var team) || team.Snapshot.Team.Status != TeamStatus.Active)
        {
            return new AccessDecision(false, AccessReason.NoSuchTeam);
        }

        var snapshot = team.Snapshot;
        var membership = snapshot.FindCurrentMembership(userId);
        if (membership is null)
        {
            return new AccessDecision(false, AccessReason.NoMembership);
        }

        var role = AccessRules.ActiveRole(snapshot.Team, membership, _roles);
        if (role is null)
        {
            return new AccessDecision(false, AccessReason.MembershipNotActive, membership.Id, membership.Role);
        }

        if (role.IsReadOnly && resolved.Kind == PermissionKind.Write)
        {
            return new AccessDecision(false, AccessReason.ReadOnlyRole, membership.Id, role.Name);
        }

        if (resourceId is null)
        {
            return role.Has(resolved)
                ? new AccessDecision(true, AccessReason.AllowedByRole, membership.Id, role.Name)
                : new AccessDecision(false, AccessReason.NotInRole, membership.Id, role.Name);
        }

        if ((AccessRules.ResourceBaseMask(role) & resolved.Mask) != 0)
        {
            return new AccessDecision(true, AccessReason.AllowedByRole, membership.Id, role.Name);
        }

        // Direct grants first, then grants through groups: the most specific reason wins.
        foreach (var kind in new[] { GrantSubjectKind.Membership, GrantSubjectKind.Group })
        {
            foreach (var grant in snapshot.Grants.Values)
            {
                if (grant.Subject.Kind == kind && grant.ResourceId == resourceId && AccessRules.Reaches(snapshot, grant, membership.Id)
                    && (AccessRules.GrantMask(role, AccessRules.MaskOf(grant, _roles), _roles) & resolved.Mask) != 0)
                {
                    return kind == GrantSubjectKind.Membership
                        ? new AccessDecision(true, AccessReason.AllowedByDirectGrant, membership.Id, role.Name, grant.Id)
                        : new AccessDecision(true, AccessReason.AllowedByGroupGrant, membership.Id, role.Name, grant.Id, new GroupId(grant.Subject.Id));
                }
            }
        }

        return new AccessDecision(false, AccessReason.NotGranted, membership.Id, role.Name);
    }
}
