namespace TeamAccess.Storage;

/// <summary>The records of users' sessions.</summary>
internal sealed class InMemorySessionRecordStore(InMemoryTeamAccessStore store) : ISessionRecordStore
{
    /// <inheritdoc />
    public ValueTask SaveSessionAsync(StoredSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (store.Gate)
        {
            store.SessionRecords[session.SessionId] = store.SessionRecords.TryGetValue(session.SessionId, out var stored)
                ? stored with
                {
                    TeamId = session.TeamId,
                    MembershipId = session.MembershipId,
                    MembershipStamp = session.MembershipStamp,
                    UserStamp = session.UserStamp,
                    Methods = session.Methods,
                    ExpiresAt = session.ExpiresAt,
                }
                : session;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredSession>> ListSessionsAsync(UserId userId, DateTimeOffset notExpiredAt, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            IReadOnlyList<StoredSession> found = [.. store.SessionRecords.Values
                .Where(s => s.UserId == userId && s.ExpiresAt > notExpiredAt && !store.RevokedSessions.ContainsKey(s.SessionId))
                .OrderByDescending(s => s.SignedInAt).ThenBy(s => s.SessionId)];
            return ValueTask.FromResult(found);
        }
    }

    /// <inheritdoc />
    public ValueTask RecordSessionsSeenAsync(IReadOnlyCollection<SessionSeen> seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        lock (store.Gate)
        {
            foreach (var use in seen)
            {
                if (store.SessionRecords.TryGetValue(use.SessionId, out var stored) && (stored.LastSeenAt is null || stored.LastSeenAt < use.SeenAt))
                {
                    store.SessionRecords[use.SessionId] = stored with { LastSeenAt = use.SeenAt };
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<int> PruneSessionsAsync(DateTimeOffset expiredAt, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (store.Gate)
        {
            var expired = store.SessionRecords.Values.Where(s => s.ExpiresAt <= expiredAt).Take(limit).Select(s => s.SessionId).ToList();
            expired.ForEach(id => store.SessionRecords.Remove(id));
            return ValueTask.FromResult(expired.Count);
        }
    }
}
