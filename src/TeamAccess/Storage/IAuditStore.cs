namespace TeamAccess.Storage;

/// <summary>Reads the audit log. Events are written by <see cref="IChangeStore.CommitAsync"/> with the change they record.</summary>
public interface IAuditStore
{
    /// <summary>Lists a team's events in sequence order.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<AuditEvent> ListAsync(TeamId teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads every team's and user's events after a sequence number, in sequence order: what the membership events are
    /// projected from. Sequence numbers must follow commit order: a reader that has read up to <c>s</c> must never later
    /// meet a committed event below <c>s</c> (the EF Core store numbers events on PostgreSQL under the same
    /// transaction-level lock that numbers the change feed).
    /// </summary>
    /// <param name="after">The last sequence number already read (0 for the start).</param>
    /// <param name="limit">The most events to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>At most <paramref name="limit"/> events.</returns>
    ValueTask<IReadOnlyList<AuditEvent>> ReadAllAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the sequence number of the newest committed event, or 0 when the log is empty: where an event consumer that
    /// starts at the end of the log (<see cref="EventStart.Now"/>) takes up. Every event committed later is numbered above it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sequence number, or 0.</returns>
    ValueTask<long> GetLastSequenceAsync(CancellationToken cancellationToken);
}
