namespace TeamAccess.Storage;

/// <summary>A signed-out session: its id is refused until <see cref="ExpiresAt"/>, after which no token of it validates anyway.</summary>
/// <param name="SessionId">The session id every token of the session names (switching teams keeps it).</param>
/// <param name="UserId">The session's user.</param>
/// <param name="RevokedAt">When it was signed out.</param>
/// <param name="ExpiresAt">When the session would have ended on its own (its original sign-in plus the maximum age, plus the clock skew).</param>
public sealed record RevokedSession(Guid SessionId, UserId UserId, DateTimeOffset RevokedAt, DateTimeOffset ExpiresAt);
