using System.Diagnostics.CodeAnalysis;

namespace TeamAccess.Domain;

/// <summary>
/// The roles one team sees: the host's catalog, then the team's own roles compiled the same way (a permission word, a
/// rank, the flags) with the role indexes after the catalog's. The rules and the permission index read roles through it,
/// so a team role is found, compared and checked exactly as a catalog role is. Built by <see cref="TeamRoleSets.ForTeam"/>.
/// </summary>
internal sealed class TeamRoleSet
{
    private readonly Role[] _byIndex;
    private readonly Dictionary<string, Role> _teamRoles;

    public TeamRoleSet(RoleCatalog catalog, IEnumerable<TeamRole> teamRoles)
    {
        Catalog = catalog;
        var own = new List<Role>();
        foreach (var role in teamRoles.OrderByDescending(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            own.Add(Compile(catalog, role, catalog.Roles.Count + own.Count));
        }

        _byIndex = [.. catalog.Roles, .. own];
        _teamRoles = own.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        TeamRoles = own;
        if (own.Count == 0)
        {
            ResourceBaseByRoleIndex = catalog.ResourceBaseByRoleIndex;
        }
        else
        {
            ResourceBaseByRoleIndex = (ulong[])catalog.ResourceBaseByRoleIndex.Clone();
            foreach (var role in own)
            {
                ResourceBaseByRoleIndex[role.Index] = role.IsScopedToGrants ? 0 : ulong.MaxValue;
            }
        }

    }

    public RoleCatalog Catalog { get; }

    public PermissionCatalog PermissionCatalog => Catalog.PermissionCatalog;

    public Role Guardian => Catalog.Guardian;

    /// <summary>Gets the team's own roles, highest rank first.</summary>
    public IReadOnlyList<Role> TeamRoles { get; }

    /// <summary>Per role index (256 entries, unknown roles 0): all bits when the role reaches every resource, none when it is scoped to grants.</summary>
    public ulong[] ResourceBaseByRoleIndex { get; }

    public Role this[int index] => _byIndex[index];

    /// <summary>Finds a catalog role or one of the team's own by name (case-insensitive).</summary>
    public bool TryGet(string? name, [NotNullWhen(true)] out Role? role)
    {
        if (Catalog.TryGet(name, out role))
        {
            return true;
        }

        return name is not null && _teamRoles.TryGetValue(name, out role);
    }

    /// <summary>Whether the name is one of the team's own roles rather than the catalog's.</summary>
    public bool IsTeamRole(Role role) => role.Index >= Catalog.Roles.Count;

    /// <summary>
    /// A team role compiled as the catalog compiles its roles: its names to one word (a name the host has since
    /// unregistered gives nothing), never the guardian's own permissions, and no write permission in a read-only role.
    /// </summary>
    private static Role Compile(RoleCatalog catalog, TeamRole role, int index)
    {
        var permissions = catalog.PermissionCatalog;
        ulong mask = 0;
        foreach (var name in role.Permissions)
        {
            if (permissions.TryGet(name, out var permission))
            {
                mask |= permission.Mask;
            }
        }

        mask = permissions.Reachable(role.IsReadOnly, mask & catalog.TeamRoleMask);

        var definition = new RoleDefinition(role.Name, role.Rank, [.. role.Permissions]) { IsReadOnly = role.IsReadOnly, IsScopedToGrants = role.IsScopedToGrants };
        return new Role(definition, index, mask, permissions.ResourceMask, [.. permissions.NamesOf(mask)]);
    }
}
