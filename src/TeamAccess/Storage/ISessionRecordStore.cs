namespace TeamAccess.Storage;

/// <summary>
/// The records of users' sessions, for their list of sessions: apart from every team (a sign-in bumps no team's version
/// and feeds no change feed). Whether a session may be used is still decided by its token, the user's session stamp, the
/// membership's stamp and the signed-out sessions (<see cref="ISessionStore"/>); a record only describes it.
/// </summary>
public interface ISessionRecordStore
{
    /// <summary>
    /// Stores a session: adds it, or, when its id is stored, replaces its team, membership, stamps, methods and expiry
    /// (its device, address, sign-in time and last-seen time stay).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the session is stored.</returns>
    ValueTask SaveSessionAsync(StoredSession session, CancellationToken cancellationToken);

    /// <summary>Lists the user's sessions that expire after <paramref name="notExpiredAt"/> and were not signed out (<see cref="ChangeSet.RevokedSessions"/>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="notExpiredAt">Sessions whose <see cref="StoredSession.ExpiresAt"/> is after this time are listed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sessions, latest sign-in first.</returns>
    ValueTask<IReadOnlyList<StoredSession>> ListSessionsAsync(UserId userId, DateTimeOffset notExpiredAt, CancellationToken cancellationToken);

    /// <summary>Records uses: each session's last-seen time moves forward to its use's, never back; an unknown session is skipped.</summary>
    /// <param name="seen">The uses, at most one per session.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the uses are stored.</returns>
    ValueTask RecordSessionsSeenAsync(IReadOnlyCollection<SessionSeen> seen, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> sessions that expired at or before <paramref name="expiredAt"/>.</summary>
    /// <param name="expiredAt">The time expiry is judged at.</param>
    /// <param name="limit">The most sessions to delete; at least 1.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were deleted.</returns>
    ValueTask<int> PruneSessionsAsync(DateTimeOffset expiredAt, int limit, CancellationToken cancellationToken);
}
