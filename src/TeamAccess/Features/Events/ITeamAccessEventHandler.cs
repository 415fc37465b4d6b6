namespace TeamAccess;

/// <summary>
/// A host's handler of <see cref="TeamAccessEvent"/>s, registered with <see cref="TeamAccessBuilder.AddEventHandler{THandler}"/>
/// (scoped: one scope per batch of events). Events arrive after their commit, one at a time, in sequence order (so in
/// commit order within each team), at least once: an event whose handling throws is delivered again, to every handler,
/// after a back-off, and nothing after it is delivered until it succeeds; after a restart the events after the
/// consumer's stored position are delivered again. De-duplicate on <see cref="TeamAccessEvent.IdempotencyKey"/>.
/// </summary>
public interface ITeamAccessEventHandler
{
    /// <summary>Handles one event. Most handlers switch on its type and ignore the rest.</summary>
    /// <param name="teamAccessEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the event is handled; a fault is retried.</returns>
    ValueTask HandleAsync(TeamAccessEvent teamAccessEvent, CancellationToken cancellationToken);
}
