namespace TeamAccess.Storage;

/// <summary>A session's latest use in one flush interval.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="SeenAt">When a request last presented it in the interval.</param>
public sealed record SessionSeen(Guid SessionId, DateTimeOffset SeenAt);
