namespace TeamAccess.Storage;

/// <content>The records of users' sessions (<see cref="ISessionRecordStore"/>).</content>
public sealed partial class InMemoryTeamAccessStore : ISessionRecordStore
{
    private readonly Dictionary<Guid, StoredSession> _sessionRecords = [];

    /// <inheritdoc />
    public ValueTask SaveSessionAsync(StoredSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            _sessionRecords[session.SessionId] = _sessionRecords.TryGetValue(session.SessionId, out var stored)
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
        lock (_gate)
        {
            IReadOnlyList<StoredSession> found = [.. _sessionRecords.Values
                .Where(s => s.UserId == userId && s.ExpiresAt > notExpiredAt && !_revokedSessions.ContainsKey(s.SessionId))
                .OrderByDescending(s => s.SignedInAt).ThenBy(s => s.SessionId)];
            return ValueTask.FromResult(found);
        }
    }

    /// <inheritdoc />
    public ValueTask RecordSessionsSeenAsync(IReadOnlyCollection<SessionSeen> seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        lock (_gate)
        {
            foreach (var use in seen)
            {
                if (_sessionRecords.TryGetValue(use.SessionId, out var stored) && (stored.LastSeenAt is null || stored.LastSeenAt < use.SeenAt))
                {
                    _sessionRecords[use.SessionId] = stored with { LastSeenAt = use.SeenAt };
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<int> PruneSessionsAsync(DateTimeOffset expiredAt, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            var expired = _sessionRecords.Values.Where(s => s.ExpiresAt <= expiredAt).Take(limit).Select(s => s.SessionId).ToList();
            expired.ForEach(id => _sessionRecords.Remove(id));
            return ValueTask.FromResult(expired.Count);
        }
    }
}
