using TeamAccess.Index;

namespace TeamAccess.Accounts;

/// <summary>
/// Collects this instance's session uses in memory (the latest per session, refreshed at most once a second) and hands
/// them to <see cref="ISessionRecordStore"/> in one batch per flush (<see cref="LatestUses{TKey}"/>, as for API keys): a
/// request that validates a session writes nothing.
/// </summary>
internal sealed class SessionActivityRecorder(ISessionRecordStore store)
{
    private readonly LatestUses<Guid> _uses = new();

    /// <summary>Gets how many sessions have a use waiting for the next flush.</summary>
    public int Pending => _uses.Count;

    public void Record(Guid sessionId, DateTimeOffset at) => _uses.Record(sessionId, at);

    /// <summary>The use of a session this instance saw and has not flushed yet, to show beside the stored one.</summary>
    public DateTimeOffset? PendingFor(Guid sessionId) => _uses.PendingFor(sessionId);

    /// <summary>Writes the uses collected since the last flush, in one batch; on failure they wait for the next one.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) =>
        _uses.FlushAsync((batch, ct) => store.RecordSessionsSeenAsync([.. batch.Select(b => new SessionSeen(b.Key, b.Value))], ct), cancellationToken);
}
