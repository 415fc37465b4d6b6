namespace TeamAccess.Tests;

/// <summary>
/// What tests read straight from an in-memory store's data, through the store class that serves each read (the store is
/// one class per store service, sharing the data).
/// </summary>
internal static class InMemoryStoreReads
{
    public static ValueTask<StoredUser?> FindByIdAsync(this InMemoryTeamAccessStore store, UserId id, CancellationToken cancellationToken) =>
        new InMemoryUserStore(store).FindByIdAsync(id, cancellationToken);

    public static ValueTask<StoredUser?> FindByEmailAsync(this InMemoryTeamAccessStore store, string normalizedEmail, CancellationToken cancellationToken) =>
        new InMemoryUserStore(store).FindByEmailAsync(normalizedEmail, cancellationToken);

    public static ValueTask<StoredUser?> FindByLoginAsync(this InMemoryTeamAccessStore store, string issuer, string subject, CancellationToken cancellationToken) =>
        new InMemoryUserStore(store).FindByLoginAsync(issuer, subject, cancellationToken);

    public static ValueTask<TeamId?> FindIdByHandleAsync(this InMemoryTeamAccessStore store, string handle, CancellationToken cancellationToken) =>
        new InMemoryTeamStore(store).FindIdByHandleAsync(handle, cancellationToken);

    public static ValueTask<TeamSnapshot?> LoadAsync(this InMemoryTeamAccessStore store, TeamId id, CancellationToken cancellationToken) =>
        new InMemoryTeamStore(store).LoadAsync(id, cancellationToken);

    public static ValueTask<Result<long>> CommitAsync(this InMemoryTeamAccessStore store, ChangeSet changes, CancellationToken cancellationToken) =>
        new InMemoryChangeStore(store).CommitAsync(changes, cancellationToken);

    public static IAsyncEnumerable<AuditEvent> ListAsync(this InMemoryTeamAccessStore store, TeamId teamId, CancellationToken cancellationToken) =>
        new InMemoryAuditStore(store).ListAsync(teamId, cancellationToken);

    public static ValueTask<IReadOnlyList<AuditEvent>> ReadAllAsync(this InMemoryTeamAccessStore store, long after, int limit, CancellationToken cancellationToken) =>
        new InMemoryAuditStore(store).ReadAllAsync(after, limit, cancellationToken);

    public static ValueTask<long?> GetPositionAsync(this InMemoryTeamAccessStore store, string consumer, CancellationToken cancellationToken) =>
        new InMemoryCheckpointStore(store).GetPositionAsync(consumer, cancellationToken);

    public static ValueTask<IReadOnlyList<HeldEvent>> ListHeldEventsAsync(this InMemoryTeamAccessStore store, string consumer, CancellationToken cancellationToken) =>
        new InMemoryHeldEventStore(store).ListHeldEventsAsync(consumer, cancellationToken);

    public static ValueTask<IReadOnlyDictionary<ApiKeyId, DateTimeOffset>> GetLastUsedAsync(this InMemoryTeamAccessStore store, TeamId teamId, CancellationToken cancellationToken) =>
        new InMemoryApiKeyUsageStore(store).GetLastUsedAsync(teamId, cancellationToken);

    public static ValueTask<IReadOnlyList<StoredPasskey>> ListPasskeysAsync(this InMemoryTeamAccessStore store, UserId userId, CancellationToken cancellationToken) =>
        new InMemoryPasskeyStore(store).ListPasskeysAsync(userId, cancellationToken);

    public static IAsyncEnumerable<RevokedSession> ListRevokedSessionsAsync(this InMemoryTeamAccessStore store, DateTimeOffset notExpiredAt, CancellationToken cancellationToken) =>
        new InMemorySessionStore(store).ListRevokedSessionsAsync(notExpiredAt, cancellationToken);

    public static ValueTask<IReadOnlyList<StoredSession>> ListSessionsAsync(this InMemoryTeamAccessStore store, UserId userId, DateTimeOffset notExpiredAt, CancellationToken cancellationToken) =>
        new InMemorySessionRecordStore(store).ListSessionsAsync(userId, notExpiredAt, cancellationToken);

    /// <summary>The store's change feed and its wake-up, as a follower is given them.</summary>
    public static InMemoryChangeFeed Feed(this InMemoryTeamAccessStore store) => new(store);

    /// <summary>The store's team reads.</summary>
    public static InMemoryTeamStore Teams(this InMemoryTeamAccessStore store) => new(store);
}
