namespace TeamAccess.ServiceAccounts;

/// <summary>An API key as lists show it: never its secret, nor its hash.</summary>
public sealed class ApiKey
{
    internal ApiKey(StoredApiKey stored, DateTimeOffset? lastUsedAt = null, bool personal = false)
    {
        IsPersonal = personal;
        LastUsedAt = lastUsedAt;
        Id = stored.Id;
        TeamId = stored.TeamId;
        ServiceAccountId = stored.MembershipId;
        Name = stored.Name;
        Permissions = stored.Permissions.IsDefault ? [] : stored.Permissions;
        CreatedAt = stored.CreatedAt;
        ExpiresAt = stored.ExpiresAt;
        CreatedBy = stored.CreatedBy;
        RevokedAt = stored.RevokedAt;
        ReplacedBy = stored.ReplacedBy;
    }

    /// <summary>Gets the key's id.</summary>
    public ApiKeyId Id { get; }

    /// <summary>Gets the team.</summary>
    public TeamId TeamId { get; }

    /// <summary>Gets the service account that holds it; for a personal key (<see cref="IsPersonal"/>), the member's membership.</summary>
    public MembershipId ServiceAccountId { get; }

    /// <summary>Gets whether it is a member's personal key (<see cref="IPersonalKeyService"/>) rather than a service account's.</summary>
    public bool IsPersonal { get; }

    /// <summary>Gets the key's label.</summary>
    public string Name { get; }

    /// <summary>Gets the permissions the key is narrowed to; empty: all its service account holds.</summary>
    public IReadOnlyList<string> Permissions { get; }

    /// <summary>Gets when it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets when it stops working.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets who created it; <see langword="null"/> for the host.</summary>
    public UserId? CreatedBy { get; }

    /// <summary>Gets when it was revoked; <see langword="null"/> while it is not.</summary>
    public DateTimeOffset? RevokedAt { get; }

    /// <summary>
    /// Gets when the key was last used, as of the last flush of the instances that validated it
    /// (<see cref="ApiKeyOptions.LastUsedFlushInterval"/>); <see langword="null"/> when never.
    /// </summary>
    public DateTimeOffset? LastUsedAt { get; }

    /// <summary>Gets the key a rotation made to replace it, if any.</summary>
    public ApiKeyId? ReplacedBy { get; }
}
