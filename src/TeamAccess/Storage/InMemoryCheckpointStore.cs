namespace TeamAccess.Storage;

/// <summary>The change feed's consumers' positions; a position only moves forward.</summary>
internal sealed class InMemoryCheckpointStore(InMemoryTeamAccessStore store) : IChangeFeedCheckpoints
{
    /// <inheritdoc />
    public ValueTask<long?> GetPositionAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.Checkpoints.TryGetValue(consumer, out var position) ? position : (long?)null);
        }
    }

    /// <inheritdoc />
    public ValueTask SetPositionAsync(string consumer, long position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (store.Gate)
        {
            store.Checkpoints[consumer] = Math.Max(position, store.Checkpoints.GetValueOrDefault(consumer));
        }

        return ValueTask.CompletedTask;
    }
}
