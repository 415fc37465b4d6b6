namespace TeamAccess.Storage;

/// <summary>Reads the audit log. Events are written by <see cref="IChangeStore.CommitAsync"/> with the change they record.</summary>
public interface IAuditStore
{
    /// <summary>Lists a team's events in sequence order.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<AuditEvent> ListAsync(TeamId teamId, CancellationToken cancellationToken);
}
