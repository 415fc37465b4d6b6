namespace TeamAccess.Storage;

/// <summary>The try counters: one window per key; a new window drops the ended ones.</summary>
internal sealed class InMemoryTryCounterStore(InMemoryTeamAccessStore store) : ITryCounterStore
{
    /// <inheritdoc />
    public ValueTask<bool> TryCountAsync(string key, int limit, DateTimeOffset now, DateTimeOffset windowEndsAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, ITryCounterStore.MaxKeyLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (store.Gate)
        {
            if (store.TryCounters.TryGetValue(key, out var counter) && counter.WindowEndsAt > now)
            {
                if (counter.Count >= limit)
                {
                    return ValueTask.FromResult(false);
                }

                store.TryCounters[key] = (counter.Count + 1, counter.WindowEndsAt);
                return ValueTask.FromResult(true);
            }

            // A new window: the rows whose window ended go first, so the table holds only live windows.
            foreach (var ended in store.TryCounters.Where(c => c.Value.WindowEndsAt <= now).Select(c => c.Key).ToList())
            {
                store.TryCounters.Remove(ended);
            }

            store.TryCounters[key] = (1, windowEndsAt);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask UncountAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (store.Gate)
        {
            if (store.TryCounters.TryGetValue(key, out var counter) && counter.Count > 0)
            {
                store.TryCounters[key] = (counter.Count - 1, counter.WindowEndsAt);
            }
        }

        return ValueTask.CompletedTask;
    }
}
