namespace TeamAccess;

/// <summary>
/// A registered permission resolved to its bit in the compiled index. Resolve once with
/// <see cref="PermissionCatalog.TryGet(string, out Permission)"/> and check with it many times: no string hashing on the hot path.
/// </summary>
public readonly record struct Permission
{
    internal Permission(string name, int bit, PermissionKind kind)
    {
        Name = name;
        Bit = bit;
        Kind = kind;
    }

    /// <summary>Gets the permission's name.</summary>
    public string Name { get; }

    /// <summary>Gets whether it reads or writes.</summary>
    public PermissionKind Kind { get; }

    internal int Bit { get; }

    internal ulong Mask => 1UL << Bit;

    /// <summary>Gets whether this is a resolved permission rather than <see langword="default"/>.</summary>
    public bool IsDefined => Name is not null;

    /// <inheritdoc />
    public override string ToString() => Name ?? "(undefined)";
}
