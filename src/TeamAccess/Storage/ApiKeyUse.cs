namespace TeamAccess.Storage;

/// <summary>A key's latest use in one flush interval.</summary>
/// <param name="TeamId">The key's team.</param>
/// <param name="KeyId">The key.</param>
/// <param name="UsedAt">When it was last used in the interval.</param>
public sealed record ApiKeyUse(TeamId TeamId, ApiKeyId KeyId, DateTimeOffset UsedAt);
