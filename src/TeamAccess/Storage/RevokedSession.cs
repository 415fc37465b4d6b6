namespace TeamAccess.Storage;

/// <summary>A signed-out session: its id is refused until <see cref="ExpiresAt"/>, after which no token of it validates anyway.</summary>
public sealed class RevokedSession
{
    /// <summary>Initializes a new instance of the <see cref="RevokedSession"/> class.</summary>
    /// <param name="sessionId">The session id every token of the session names (switching teams keeps it).</param>
    /// <param name="userId">The session's user.</param>
    /// <param name="revokedAt">When it was signed out.</param>
    /// <param name="expiresAt">When the session would have ended on its own (its original sign-in plus the maximum age, plus the clock skew).</param>
    public RevokedSession(Guid sessionId, UserId userId, DateTimeOffset revokedAt, DateTimeOffset expiresAt)
    {
        SessionId = sessionId;
        UserId = userId;
        RevokedAt = revokedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the session id every token of the session names (switching teams keeps it).</summary>
    public Guid SessionId { get; }

    /// <summary>Gets the session's user.</summary>
    public UserId UserId { get; }

    /// <summary>Gets when it was signed out.</summary>
    public DateTimeOffset RevokedAt { get; }

    /// <summary>Gets when the session would have ended on its own (its original sign-in plus the maximum age, plus the clock skew).</summary>
    public DateTimeOffset ExpiresAt { get; }
}
