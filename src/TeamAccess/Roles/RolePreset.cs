namespace TeamAccess;

/// <summary>A named, ready role catalog.</summary>
/// <param name="Name">The preset's name.</param>
/// <param name="Roles">The roles, highest rank first.</param>
public sealed record RolePreset(string Name, IReadOnlyList<RoleDefinition> Roles);
