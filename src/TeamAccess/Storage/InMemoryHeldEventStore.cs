namespace TeamAccess.Storage;

/// <summary>The events a consumer holds back after its handler failed.</summary>
internal sealed class InMemoryHeldEventStore(InMemoryTeamAccessStore store) : IHeldEventStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<HeldEvent>> ListHeldEventsAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (store.Gate)
        {
            IReadOnlyList<HeldEvent> held = [.. store.HeldEvents.Values.Where(h => h.Consumer == consumer).OrderBy(h => h.Sequence)];
            return ValueTask.FromResult(held);
        }
    }

    /// <inheritdoc />
    public ValueTask SaveHeldEventAsync(HeldEvent heldEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heldEvent);
        lock (store.Gate)
        {
            store.HeldEvents[(heldEvent.Consumer, heldEvent.Sequence)] = heldEvent;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveHeldEventAsync(string consumer, long sequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.HeldEvents.Remove((consumer, sequence)));
        }
    }
}
