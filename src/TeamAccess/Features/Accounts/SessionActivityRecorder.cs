using System.Collections.Concurrent;

namespace TeamAccess.Accounts;

/// <summary>
/// Collects this instance's session uses in memory (the latest per session, refreshed at most once a second) and hands
/// them to <see cref="ISessionRecordStore"/> in one batch per flush, as <c>ApiKeyUsageRecorder</c> does for API keys: a
/// request that validates a session writes nothing.
/// </summary>
internal sealed class SessionActivityRecorder(ISessionRecordStore store)
{
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(1);
    private ConcurrentDictionary<Guid, DateTimeOffset> _pending = new();

    /// <summary>Gets how many sessions have a use waiting for the next flush.</summary>
    public int Pending => Volatile.Read(ref _pending).Count;

    public void Record(Guid sessionId, DateTimeOffset at)
    {
        var pending = Volatile.Read(ref _pending);
        if (pending.TryGetValue(sessionId, out var seen) && at - seen < Resolution)
        {
            return;
        }

        pending[sessionId] = at;
    }

    /// <summary>The use of a session this instance saw and has not flushed yet, to show beside the stored one.</summary>
    public DateTimeOffset? PendingFor(Guid sessionId) => Volatile.Read(ref _pending).TryGetValue(sessionId, out var at) ? at : null;

    /// <summary>Writes the uses collected since the last flush, in one batch; on failure they wait for the next one.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<Guid, DateTimeOffset>());
        if (batch.IsEmpty)
        {
            return;
        }

        try
        {
            await store.RecordSessionsSeenAsync([.. batch.Select(b => new SessionSeen(b.Key, b.Value))], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach (var (id, at) in batch)
            {
                Volatile.Read(ref _pending).AddOrUpdate(id, at, (_, newer) => newer >= at ? newer : at);
            }

            throw;
        }
    }
}
