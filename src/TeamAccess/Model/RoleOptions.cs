namespace TeamAccess;

/// <summary>The role catalog a host configures. Part of <see cref="TeamAccessOptions"/>; validated at start-up.</summary>
public sealed class RoleOptions
{
    private readonly List<RoleDefinition> _roles = [];

    /// <summary>Gets the configured roles. Empty means the <see cref="RolePresets.OwnerAdministratorMemberObserver"/> preset.</summary>
    public IReadOnlyList<RoleDefinition> Roles => _roles;

    /// <summary>Gets what teams may put in roles of their own (<see cref="TeamAccess.TeamRoles.ITeamRoleService"/>).</summary>
    public TeamRoleOptions TeamRoles { get; } = new();

    /// <summary>Replaces the catalog with a preset.</summary>
    /// <param name="preset">The preset.</param>
    /// <returns>This instance.</returns>
    public RoleOptions UsePreset(RolePreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        _roles.Clear();
        _roles.AddRange(preset.Roles);
        return this;
    }

    /// <summary>Adds a role, or replaces the role of the same name.</summary>
    /// <param name="role">The role.</param>
    /// <returns>This instance.</returns>
    public RoleOptions Add(RoleDefinition role)
    {
        ArgumentNullException.ThrowIfNull(role);
        _roles.RemoveAll(r => string.Equals(r.Name, role.Name, StringComparison.OrdinalIgnoreCase));
        _roles.Add(role);
        return this;
    }

    /// <summary>Removes every role, to define a catalog from scratch.</summary>
    /// <returns>This instance.</returns>
    public RoleOptions Clear()
    {
        _roles.Clear();
        return this;
    }
}
