namespace TeamAccess.Storage;

/// <summary>A key's latest use in one flush interval.</summary>
public sealed class ApiKeyUse
{
    /// <summary>Initializes a new instance of the <see cref="ApiKeyUse"/> class.</summary>
    /// <param name="teamId">The key's team.</param>
    /// <param name="keyId">The key.</param>
    /// <param name="usedAt">When it was last used in the interval.</param>
    public ApiKeyUse(TeamId teamId, ApiKeyId keyId, DateTimeOffset usedAt)
    {
        TeamId = teamId;
        KeyId = keyId;
        UsedAt = usedAt;
    }

    /// <summary>Gets the key's team.</summary>
    public TeamId TeamId { get; }

    /// <summary>Gets the key.</summary>
    public ApiKeyId KeyId { get; }

    /// <summary>Gets when it was last used in the interval.</summary>
    public DateTimeOffset UsedAt { get; }
}
