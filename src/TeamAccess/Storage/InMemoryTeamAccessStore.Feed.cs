using System.Runtime.CompilerServices;

namespace TeamAccess.Storage;

/// <content>The audit log, the change feed, its consumers' positions and held events, and the commit notification.</content>
public sealed partial class InMemoryTeamAccessStore
{
    /// <inheritdoc />
    public async IAsyncEnumerable<TeamSnapshot> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TeamSnapshot[] all;
        lock (_gate)
        {
            all = [.. _teams.Values];
        }

        foreach (var snapshot in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return snapshot;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEvent> ListAsync(TeamId teamId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AuditEvent[] events;
        lock (_gate)
        {
            events = _auditByTeam.TryGetValue(teamId, out var list) ? [.. list] : [];
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
        lock (_gate)
        {
            return ValueTask.FromResult(_audit.Count == 0 ? 0 : _audit[^1].Sequence);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AuditEvent>> ReadAllAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // The log is kept in sequence order: the first event after the position is found by halving.
            int low = 0, high = _audit.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_audit[middle].Sequence <= after)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return ValueTask.FromResult<IReadOnlyList<AuditEvent>>(_audit.GetRange(low, Math.Min(limit, _audit.Count - low)).ToArray());
        }
    }

    /// <inheritdoc />
    public ValueTask<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult((long)_feed.Count);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ChangeFeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            // Positions are 1-based list indexes: the entry after position p is at index p.
            var start = (int)Math.Min(after, _feed.Count);
            IReadOnlyList<ChangeFeedEntry> page = _feed.GetRange(start, Math.Min(limit, _feed.Count - start));
            return ValueTask.FromResult(page);
        }
    }

    /// <inheritdoc />
    public ValueTask<long?> GetPositionAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_gate)
        {
            return ValueTask.FromResult(_checkpoints.TryGetValue(consumer, out var position) ? position : (long?)null);
        }
    }

    /// <inheritdoc />
    public ValueTask SetPositionAsync(string consumer, long position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_gate)
        {
            _checkpoints[consumer] = Math.Max(position, _checkpoints.GetValueOrDefault(consumer));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<HeldEvent>> ListHeldEventsAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_gate)
        {
            IReadOnlyList<HeldEvent> held = [.. _heldEvents.Values.Where(h => h.Consumer == consumer).OrderBy(h => h.Sequence)];
            return ValueTask.FromResult(held);
        }
    }

    /// <inheritdoc />
    public ValueTask SaveHeldEventAsync(HeldEvent heldEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heldEvent);
        lock (_gate)
        {
            _heldEvents[(heldEvent.Consumer, heldEvent.Sequence)] = heldEvent;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveHeldEventAsync(string consumer, long sequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_gate)
        {
            return ValueTask.FromResult(_heldEvents.Remove((consumer, sequence)));
        }
    }

    /// <inheritdoc />
    public async Task ListenAsync(Action changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        Committed += changed;
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped listening.
        }
        finally
        {
            Committed -= changed;
        }
    }
}
