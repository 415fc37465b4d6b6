namespace TeamAccess;

/// <summary>The permissions a host registers beside the built-in ones. Part of <see cref="TeamAccessOptions"/>.</summary>
public sealed class PermissionOptions
{
    private readonly List<(string Name, PermissionKind Kind)> _registered = [];

    /// <summary>Gets the host's permissions in registration order.</summary>
    public IReadOnlyList<(string Name, PermissionKind Kind)> Registered => _registered;

    /// <summary>
    /// Registers permissions; a name whose last segment is <c>read</c> is a read permission, any other a write permission.
    /// </summary>
    /// <param name="names">Dotted lower-case names such as <c>devices.read</c>.</param>
    /// <returns>This instance.</returns>
    public PermissionOptions Add(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            ArgumentNullException.ThrowIfNull(name);
            _registered.Add((name, name.EndsWith(".read", StringComparison.Ordinal) ? PermissionKind.Read : PermissionKind.Write));
        }

        return this;
    }

    /// <summary>Registers one permission with an explicit kind.</summary>
    /// <param name="name">A dotted lower-case name.</param>
    /// <param name="kind">Read or write.</param>
    /// <returns>This instance.</returns>
    public PermissionOptions Add(string name, PermissionKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        _registered.Add((name, kind));
        return this;
    }
}
