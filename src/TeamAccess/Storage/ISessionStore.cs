namespace TeamAccess.Storage;

/// <summary>
/// Reads what session validation needs beyond the membership: the user's session stamp and the signed-out sessions.
/// Both are small and change rarely, so a process can hold them in memory (the stamp per user, the revoked ids as a
/// set that drops each id at its expiry). Writes go through <see cref="IChangeStore"/>
/// (<see cref="ChangeSet.RevokedSessions"/>, and the user's <see cref="StoredUser.SessionStamp"/>).
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
