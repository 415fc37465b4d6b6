namespace TeamAccess.Storage;

/// <summary>A session's latest use in one flush interval.</summary>
public sealed class SessionSeen
{
    /// <summary>Initializes a new instance of the <see cref="SessionSeen"/> class.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="seenAt">When a request last presented it in the interval.</param>
    public SessionSeen(Guid sessionId, DateTimeOffset seenAt)
    {
        SessionId = sessionId;
        SeenAt = seenAt;
    }

    /// <summary>Gets the session.</summary>
    public Guid SessionId { get; }

    /// <summary>Gets when a request last presented it in the interval.</summary>
    public DateTimeOffset SeenAt { get; }
}
