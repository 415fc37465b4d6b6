using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace TeamAccess;

/// <summary>
/// Every permission the application knows (built-in and host-registered), each resolved to a bit. At most
/// <see cref="MaxPermissions"/> permissions: a role's permissions are one 64-bit word, so a check is one bit test.
/// </summary>
public sealed partial class PermissionCatalog
{
    /// <summary>The most permissions a catalog holds.</summary>
    public const int MaxPermissions = 64;

    private readonly Permission[] _byBit;
    private readonly FrozenDictionary<string, Permission> _byName;

    private PermissionCatalog(Permission[] byBit)
    {
        _byBit = byBit;
        _byName = byBit.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var permission in byBit)
        {
            AllMask |= permission.Mask;
            if (!Array.Exists(Permissions.TeamLevel, name => string.Equals(name, permission.Name, StringComparison.Ordinal)))
            {
                ResourceMask |= permission.Mask;
            }

            if (permission.Kind == PermissionKind.Read)
            {
                ReadMask |= permission.Mask;
            }
        }
    }

    /// <summary>Gets every permission, in bit order.</summary>
    public IReadOnlyList<Permission> All => _byBit;

    internal ulong AllMask { get; }

    internal ulong ReadMask { get; }

    /// <summary>
    /// Invariant 7, in one place: a read-only role holds and reaches no write permission. Returns the write permissions of
    /// <paramref name="mask"/> that a role (or a grant to a holder of one) with <paramref name="isReadOnly"/> may not have:
    /// 0 when there are none or the role may write. Role definitions (catalog and team roles) and grants are refused when
    /// it is not 0; the permission index and the explanation of a check reach only what it leaves.
    /// </summary>
    internal ulong WritesForbidden(bool isReadOnly, ulong mask) => isReadOnly ? mask & ~ReadMask : 0;

    /// <summary>What of <paramref name="mask"/> a role with <paramref name="isReadOnly"/> reaches: all of it, or its read permissions.</summary>
    internal ulong Reachable(bool isReadOnly, ulong mask) => mask & ~WritesForbidden(isReadOnly, mask);

    /// <summary>
    /// The resource permissions: <c>resources.read</c>, <c>resources.write</c> and every permission the host registers.
    /// The other built-in ones (team, billing, members, groups, grants, audit) are team-level.
    /// </summary>
    internal ulong ResourceMask { get; }

    /// <summary>Resolves a permission by name.</summary>
    /// <param name="name">The name, such as <c>devices.write</c>.</param>
    /// <param name="permission">The resolved permission.</param>
    /// <returns><see langword="true"/> when the permission is registered.</returns>
    public bool TryGet(string? name, out Permission permission)
    {
        if (name is not null && _byName.TryGetValue(name, out permission))
        {
            return true;
        }

        permission = default;
        return false;
    }

    /// <summary>Resolves a registered permission, throwing when it is not registered (a programming error).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The permission.</returns>
    /// <exception cref="ArgumentException">The permission is not registered.</exception>
    public Permission Get(string name) =>
        TryGet(name, out var permission) ? permission : throw new ArgumentException($"Permission '{name}' is not registered.", nameof(name));

    internal IEnumerable<string> NamesOf(ulong mask)
    {
        for (var bit = 0; bit < _byBit.Length; bit++)
        {
            if ((mask & (1UL << bit)) != 0)
            {
                yield return _byBit[bit].Name;
            }
        }
    }

    /// <summary>Turns permission names into a mask; false when any is unknown.</summary>
    internal bool TryGetMask(IEnumerable<string> names, out ulong mask, [NotNullWhen(false)] out string? unknown)
    {
        mask = 0;
        foreach (var name in names)
        {
            if (!TryGet(name, out var permission))
            {
                unknown = name ?? "(null)";
                return false;
            }

            mask |= permission.Mask;
        }

        unknown = null;
        return true;
    }

    /// <summary>Expands a role's pattern (<c>*</c>, <c>*.read</c>, <c>prefix.*</c> or a name) into a mask.</summary>
    internal bool TryExpand(string pattern, out ulong mask)
    {
        mask = 0;
        if (pattern == "*")
        {
            mask = AllMask;
            return true;
        }

        if (pattern == "*.read")
        {
            mask = ReadMask;
            return true;
        }

        if (pattern.EndsWith(".*", StringComparison.Ordinal))
        {
            var prefix = pattern[..^1];
            foreach (var permission in _byBit)
            {
                if (permission.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    mask |= permission.Mask;
                }
            }

            return mask != 0;
        }

        if (TryGet(pattern, out var single))
        {
            mask = single.Mask;
            return true;
        }

        return false;
    }

    internal static PermissionCatalog Build(PermissionOptions options, List<string> errors)
    {
        var all = new List<Permission>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Permissions.BuiltIn)
        {
            seen.Add(name);
            all.Add(new Permission(name, all.Count, name.EndsWith(".read", StringComparison.Ordinal) ? PermissionKind.Read : PermissionKind.Write));
        }

        foreach (var (name, kind) in options.Registered)
        {
            if (!PermissionName().IsMatch(name))
            {
                errors.Add($"Permission '{name}' is not a dotted lower-case name such as 'devices.write'.");
                continue;
            }

            if (!seen.Add(name))
            {
                // Registering a permission twice (or a built-in again) is harmless when the kind agrees.
                var existing = all.Find(p => p.Name == name);
                if (existing.Kind != kind)
                {
                    errors.Add($"Permission '{name}' is registered as both {existing.Kind} and {kind}.");
                }

                continue;
            }

            if (all.Count == MaxPermissions)
            {
                errors.Add($"At most {MaxPermissions} permissions can be registered (built-in ones included); '{name}' is one too many.");
                continue;
            }

            all.Add(new Permission(name, all.Count, kind));
        }

        return new PermissionCatalog([.. all]);
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,62}(\\.[a-z][a-z0-9_-]{0,62}){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PermissionName();
}
