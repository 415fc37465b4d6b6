namespace TeamAccess;

/// <summary>What the host lets teams put in roles of their own. Part of <see cref="RoleOptions"/>; validated at start-up.</summary>
public sealed class TeamRoleOptions
{
    /// <summary>The default of <see cref="MaxRolesPerTeam"/>.</summary>
    public const int DefaultMaxRolesPerTeam = 32;

    /// <summary>
    /// Gets or sets how many roles of its own a team may define; 0 turns team roles off. The catalog's roles and a team's
    /// together are at most 254.
    /// </summary>
    public int MaxRolesPerTeam { get; set; } = DefaultMaxRolesPerTeam;

    /// <summary>
    /// Gets the permission patterns (as in <see cref="RoleDefinition.Permissions"/>) a team role may hold; empty allows
    /// every registered permission. The guardian's own permissions (deleting the team, billing, its sign-in policy) are
    /// never allowed.
    /// </summary>
    public IList<string> AllowedPermissions { get; } = [];
}
