namespace TeamAccess.Events;

/// <summary>
/// A host's handler of <see cref="TeamAccessEvent"/>s, registered with <see cref="TeamAccess.Hosting.TeamAccessBuilder.AddEventHandler{THandler}"/>
/// (scoped: one scope per round of delivery). Events arrive after their commit, one at a time, in commit order within
/// each team (an event without a team: within its subject), at least once: an event whose handling throws is held and
/// delivered again, to every handler, after a back-off, and its team's later events wait until it succeeds or the host
/// skips it (<see cref="ITeamAccessEventAdmin"/>); other teams' events flow on meanwhile, so events of different teams
/// may arrive out of sequence order. De-duplicate on <see cref="TeamAccessEvent.IdempotencyKey"/>.
/// </summary>
public interface ITeamAccessEventHandler
{
    /// <summary>Handles one event. Most handlers switch on its type and ignore the rest.</summary>
    /// <param name="teamAccessEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the event is handled; a fault is retried.</returns>
    ValueTask HandleAsync(TeamAccessEvent teamAccessEvent, CancellationToken cancellationToken);
}
