namespace TeamAccess;

/// <summary>
/// A role as the host defines it: a name, a rank and permission patterns. Patterns are permission names, <c>*</c> (all),
/// <c>*.read</c> (every read permission) or <c>prefix.*</c> (every permission in a namespace).
/// </summary>
public sealed class RoleDefinition
{
    /// <summary>Creates a role.</summary>
    /// <param name="name">The role's name, unique in the catalog (letters, digits, spaces, hyphens; 1-64 characters).</param>
    /// <param name="rank">The rank; higher ranks more. Nobody gives a role ranked above their own.</param>
    /// <param name="permissions">The permission patterns the role holds.</param>
    public RoleDefinition(string name, int rank, params string[] permissions)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(permissions);
        Name = name;
        Rank = rank;
        Permissions = permissions;
    }

    /// <summary>Gets the role's name.</summary>
    public string Name { get; init; }

    /// <summary>Gets the rank; higher ranks more.</summary>
    public int Rank { get; init; }

    /// <summary>Gets the permission patterns the role holds.</summary>
    public IReadOnlyList<string> Permissions { get; init; }

    /// <summary>Gets the permission patterns removed from <see cref="Permissions"/>.</summary>
    public IReadOnlyList<string> ExceptPermissions { get; init; } = [];

    /// <summary>Gets whether this is the guardian role: a team always keeps at least one Active holder of it.</summary>
    public bool IsGuardian { get; init; }

    /// <summary>
    /// Gets whether the role reaches resources only through grants (to the membership or one of its groups). Asked about
    /// a resource permission without naming a resource, such a role answers no; its team-level permissions are unaffected.
    /// </summary>
    public bool IsScopedToGrants { get; init; }

    /// <summary>Gets whether the role is read-only: it holds no write permission, not even through a grant.</summary>
    public bool IsReadOnly { get; init; }
}
