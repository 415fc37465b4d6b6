using System.Collections.Immutable;

namespace TeamAccess.Domain;

/// <summary>
/// The rules of who holds what, in one place; the services ask them on a loaded snapshot and the compiled index
/// precomputes them for every membership.
/// <list type="bullet">
/// <item>Only an Active membership of an Active team holds anything (invariant 8); an unknown role holds nothing (13).</item>
/// <item>At team level (no resource named), a membership holds its role's permissions, except that a role scoped to
/// grants holds no resource permission there (invariants 7 and 13: asked without a resource, it answers no).</item>
/// <item>On a resource, a role that is not scoped to grants holds its role's permissions everywhere; every membership
/// also holds what grants to it or to its groups give on that resource (invariant 7).</item>
/// <item>A read-only role holds no write permission, whatever a grant says (invariant 7).</item>
/// </list>
/// </summary>
internal static class AccessRules
{
    public static Role? ActiveRole(Team team, StoredMembership membership, TeamRoleSet roles) =>
        roles.TryGet(membership.Role, out var role) ? ActiveRole(team, membership, role) : null;

    /// <summary>The membership's role when it holds it, given the role its name resolves to (<see langword="null"/> when unknown).</summary>
    public static Role? ActiveRole(Team team, StoredMembership membership, Role? role) =>
        team.Status == TeamStatus.Active && membership.Status == MembershipStatus.Active ? role : null;

    public static ulong TeamMask(Role? activeRole) => activeRole?.TeamMask ?? 0;

    public static ulong ResourceBaseMask(Role? activeRole) => activeRole is null || activeRole.IsScopedToGrants ? 0 : activeRole.Mask;

    /// <summary>What a grant's permissions are worth to a membership holding <paramref name="activeRole"/>.</summary>
    public static ulong GrantMask(Role? activeRole, ulong granted, TeamRoleSet roles) =>
        activeRole is null ? 0 : roles.PermissionCatalog.Reachable(activeRole.IsReadOnly, granted);

    public static ulong MaskOf(Grant grant, TeamRoleSet roles)
    {
        ulong mask = 0;
        foreach (var name in grant.Permissions)
        {
            // A permission the host has since unregistered grants nothing.
            if (roles.PermissionCatalog.TryGet(name, out var permission))
            {
                mask |= permission.Mask;
            }
        }

        return mask;
    }

    /// <summary>Whether the grant reaches the membership: given to it directly or to a group it is in.</summary>
    public static bool Reaches(ImmutableDictionary<GroupId, Group> groups, Grant grant, MembershipId membershipId) =>
        grant.Subject.Kind == GrantSubjectKind.Membership
            ? grant.Subject.Id == membershipId.Value
            : groups.TryGetValue(new GroupId(grant.Subject.Id), out var group) && group.Members.Contains(membershipId);

    /// <summary>Everything the membership holds on one resource.</summary>
    public static ulong ResourceMask(TeamSnapshot team, StoredMembership membership, string resourceId, TeamRoleSet roles)
    {
        var role = ActiveRole(team.Team, membership, roles);
        var mask = ResourceBaseMask(role);
        if (role is null)
        {
            return mask;
        }

        foreach (var grant in team.Grants.Values)
        {
            if (string.Equals(grant.ResourceId, resourceId, StringComparison.Ordinal) && Reaches(team.Groups, grant, membership.Id))
            {
                mask |= GrantMask(role, MaskOf(grant, roles), roles);
            }
        }

        return mask;
    }
}
