using System.Runtime.CompilerServices;

namespace TeamAccess.Storage;

/// <summary>The audit log: a team's events, and all events in sequence order.</summary>
internal sealed class InMemoryAuditStore(InMemoryTeamAccessStore store) : IAuditStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEvent> ListAsync(TeamId teamId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AuditEvent[] events;
        lock (store.Gate)
        {
            events = store.AuditByTeam.TryGetValue(teamId, out var list) ? [.. list] : [];
        }

        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.Audit.Count == 0 ? 0 : store.Audit[^1].Sequence);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AuditEvent>> ReadAllAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (store.Gate)
        {
            // The log is kept in sequence order: the first event after the position is found by halving.
            int low = 0, high = store.Audit.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (store.Audit[middle].Sequence <= after)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return ValueTask.FromResult<IReadOnlyList<AuditEvent>>(store.Audit.GetRange(low, Math.Min(limit, store.Audit.Count - low)).ToArray());
        }
    }
}
