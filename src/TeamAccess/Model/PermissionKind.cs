namespace TeamAccess;

/// <summary>Whether a permission only reads or also changes something. Read-only roles hold only read permissions.</summary>
public enum PermissionKind
{
    /// <summary>Reads only.</summary>
    Read = 0,

    /// <summary>Changes something.</summary>
    Write = 1,
}
