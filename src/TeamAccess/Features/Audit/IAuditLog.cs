namespace TeamAccess.Audit;

/// <summary>
/// Reads a team's audit log (needs <c>audit.read</c>), as a team's reader may see it: each event's
/// <see cref="AuditEvent.Before"/> and <see cref="AuditEvent.After"/> carry only the fields named for readers (the same
/// as every <see cref="TeamAccess.Events.TeamAccessEvent"/>): never a stamp, counter, lockout date or when a reset or activation link
/// expires. The store's own log (<see cref="Storage.IAuditStore"/>) keeps the full snapshots that
/// <see cref="Storage.AuditReplay"/> rebuilds a team from.
/// </summary>
public interface IAuditLog
{
    /// <summary>Lists the team's events in sequence order.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<IReadOnlyList<AuditEvent>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of the team's events, keyset-paged on the sequence number: what a portal's audit page shows.</summary>
    /// <param name="actor">The acting user.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The direction, page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page; or NotFound, PermissionDenied.</returns>
    ValueTask<Result<Page<AuditEvent, long>>> ListPageAsync(UserId actor, TeamId teamId, AuditQuery query, CancellationToken cancellationToken = default);
}
