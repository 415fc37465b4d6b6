namespace TeamAccess;

/// <summary>
/// Reads what session validation needs beyond the membership: the user's session stamp and the signed-out sessions.
/// Both are small and change rarely, so a process can hold them in memory (the stamp per user, the revoked ids as a
/// set that drops each id at its expiry). Writes go through <see cref="IChangeStore"/>
/// (<see cref="ChangeSet.RevokedSessions"/>, and the user's <see cref="User.SessionStamp"/>).
/// </summary>
public interface ISessionStore
{
    /// <summary>Reads, in one look-up, the user's current session stamp and whether one session was signed out.</summary>
    /// <param name="userId">The session's user.</param>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state, or <see langword="null"/> when the user does not exist.</returns>
    ValueTask<UserSessionState?> FindSessionStateAsync(UserId userId, Guid sessionId, CancellationToken cancellationToken);

    /// <summary>Lists the signed-out sessions that have not expired by <paramref name="notExpiredAt"/>, to load them into memory.</summary>
    /// <param name="notExpiredAt">Sessions whose <see cref="RevokedSession.ExpiresAt"/> is after this time are listed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The revoked sessions, in no particular order.</returns>
    IAsyncEnumerable<RevokedSession> ListRevokedSessionsAsync(DateTimeOffset notExpiredAt, CancellationToken cancellationToken);
}

/// <summary>What the store says about a user's sessions.</summary>
/// <param name="SessionStamp">The user's current <see cref="User.SessionStamp"/>: a token naming another one is refused.</param>
/// <param name="SessionRevoked">Whether the session asked about was signed out.</param>
public readonly record struct UserSessionState(Guid SessionStamp, bool SessionRevoked);

/// <summary>A signed-out session: its id is refused until <see cref="ExpiresAt"/>, after which no token of it validates anyway.</summary>
/// <param name="SessionId">The session id every token of the session names (switching teams keeps it).</param>
/// <param name="UserId">The session's user.</param>
/// <param name="RevokedAt">When it was signed out.</param>
/// <param name="ExpiresAt">When the session would have ended on its own (its original sign-in plus the maximum age, plus the clock skew).</param>
public sealed record RevokedSession(Guid SessionId, UserId UserId, DateTimeOffset RevokedAt, DateTimeOffset ExpiresAt);
