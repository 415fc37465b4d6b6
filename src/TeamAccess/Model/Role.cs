namespace TeamAccess;

/// <summary>A role of the validated catalog, with its permissions compiled to a bitset.</summary>
public sealed class Role
{
    internal Role(RoleDefinition definition, int index, ulong mask, ulong resourceMask, IReadOnlyList<string> permissionNames)
    {
        Definition = definition;
        Index = index;
        Mask = mask;
        TeamMask = definition.IsScopedToGrants ? mask & ~resourceMask : mask;
        PermissionNames = permissionNames;
    }

    /// <summary>Gets the definition the role was built from.</summary>
    public RoleDefinition Definition { get; }

    /// <summary>Gets the role's name.</summary>
    public string Name => Definition.Name;

    /// <summary>Gets the rank; higher ranks more.</summary>
    public int Rank => Definition.Rank;

    /// <summary>Gets whether this is the guardian role.</summary>
    public bool IsGuardian => Definition.IsGuardian;

    /// <summary>Gets whether the role reaches resources only through grants.</summary>
    public bool IsScopedToGrants => Definition.IsScopedToGrants;

    /// <summary>Gets whether the role is read-only.</summary>
    public bool IsReadOnly => Definition.IsReadOnly;

    /// <summary>Gets the names of the permissions the role holds.</summary>
    public IReadOnlyList<string> PermissionNames { get; }

    internal int Index { get; }

    internal ulong Mask { get; }

    /// <summary>What the role holds asked without a resource: all of <see cref="Mask"/>, less the resource permissions for a role scoped to grants.</summary>
    internal ulong TeamMask { get; }

    /// <summary>
    /// Tells whether the role holds a permission at team level, asked without naming a resource. A role scoped to grants
    /// holds no resource permission there (it reaches resources only through grants); its team-level permissions, such
    /// as <c>members.read</c>, it holds.
    /// </summary>
    /// <param name="permission">The permission.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Has(Permission permission) => permission.IsDefined && (TeamMask & permission.Mask) != 0;

    /// <inheritdoc />
    public override string ToString() => Name;
}
