namespace TeamAccess;

/// <summary>A named, ready role catalog.</summary>
public sealed class RolePreset
{
    /// <summary>Initializes a new instance of the <see cref="RolePreset"/> class.</summary>
    /// <param name="name">The preset's name.</param>
    /// <param name="roles">The roles, highest rank first.</param>
    public RolePreset(string name, IReadOnlyList<RoleDefinition> roles)
    {
        Name = name;
        Roles = roles;
    }

    /// <summary>Gets the preset's name.</summary>
    public string Name { get; init; }

    /// <summary>Gets the roles, highest rank first.</summary>
    public IReadOnlyList<RoleDefinition> Roles { get; init; }
}
