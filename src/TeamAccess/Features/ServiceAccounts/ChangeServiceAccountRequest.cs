namespace TeamAccess.ServiceAccounts;

/// <summary>What to change of a service account: each property left <see langword="null"/> is kept.</summary>
public sealed class ChangeServiceAccountRequest
{
    /// <summary>Gets the new name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the new description (empty clears it).</summary>
    public string? Description { get; init; }

    /// <summary>Gets the new role.</summary>
    public string? Role { get; init; }
}
