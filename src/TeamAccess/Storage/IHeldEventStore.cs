namespace TeamAccess.Storage;

/// <summary>
/// The events an event consumer read past without delivering them (held behind a failing event of their team, or
/// dead-lettered by the host), kept in the same store as the audit log and the consumers' positions. The consumer writes
/// a record before it stores a position past the event, so after a restart every event is either at or before the
/// position and delivered, or after it, or here.
/// </summary>
public interface IHeldEventStore
{
    /// <summary>Lists a consumer's held events and dead letters in sequence order.</summary>
    /// <param name="consumer">The consumer's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    ValueTask<IReadOnlyList<HeldEvent>> ListHeldEventsAsync(string consumer, CancellationToken cancellationToken);

    /// <summary>Stores a record, replacing the one of the same consumer and sequence number.</summary>
    /// <param name="heldEvent">The record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    ValueTask SaveHeldEventAsync(HeldEvent heldEvent, CancellationToken cancellationToken);

    /// <summary>Removes a record (the event was delivered).</summary>
    /// <param name="consumer">The consumer's name.</param>
    /// <param name="sequence">The event's sequence number.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether there was a record to remove.</returns>
    ValueTask<bool> RemoveHeldEventAsync(string consumer, long sequence, CancellationToken cancellationToken);
}
