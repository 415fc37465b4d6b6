using System.Collections;
using System.Numerics;

namespace TeamAccess;

/// <summary>
/// The permissions a user holds, as <see cref="IAccessQueries.GetPermissions"/> found them: one word, so
/// <see cref="Contains(Permission)"/> is a bit test. Enumerates in the catalog's order.
/// </summary>
public sealed class PermissionSet : IReadOnlyCollection<Permission>
{
    private readonly PermissionCatalog _catalog;
    private readonly ulong _mask;

    internal PermissionSet(PermissionCatalog catalog, ulong mask)
    {
        _catalog = catalog;
        _mask = mask;
    }

    /// <summary>Gets how many permissions the set holds.</summary>
    public int Count => BitOperations.PopCount(_mask);

    /// <summary>Tells whether the set holds a permission.</summary>
    /// <param name="permission">A permission resolved from the same <see cref="PermissionCatalog"/>.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Contains(Permission permission) => permission.IsDefined && (_mask & permission.Mask) != 0;

    /// <summary>Tells whether the set holds a permission, by name.</summary>
    /// <param name="permission">The permission's name.</param>
    /// <returns><see langword="true"/> when it does; <see langword="false"/> for an unknown name.</returns>
    public bool Contains(string permission) => _catalog.TryGet(permission, out var resolved) && Contains(resolved);

    /// <inheritdoc />
    public IEnumerator<Permission> GetEnumerator()
    {
        foreach (var permission in _catalog.All)
        {
            if ((_mask & permission.Mask) != 0)
            {
                yield return permission;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", this);
}
