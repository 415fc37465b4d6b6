namespace TeamAccess.Storage;

/// <summary>The change feed, and the notification that wakes its followers after each commit.</summary>
internal sealed class InMemoryChangeFeed(InMemoryTeamAccessStore store) : IChangeFeed, IChangeFeedNotifier
{
    /// <inheritdoc />
    public ValueTask<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            return ValueTask.FromResult((long)store.Feed.Count);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ChangeFeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (store.Gate)
        {
            // Positions are 1-based list indexes: the entry after position p is at index p.
            var start = (int)Math.Min(after, store.Feed.Count);
            IReadOnlyList<ChangeFeedEntry> page = store.Feed.GetRange(start, Math.Min(limit, store.Feed.Count - start));
            return ValueTask.FromResult(page);
        }
    }

    /// <inheritdoc />
    public async Task ListenAsync(Action changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        store.Committed += changed;
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
            store.Committed -= changed;
        }
    }
}
