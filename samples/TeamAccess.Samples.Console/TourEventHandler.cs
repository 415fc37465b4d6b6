using TeamAccess.Events;

namespace TeamAccess.Samples.Console;

/// <summary>
/// The host's membership-event handler, as a webhook publisher would be: TeamAccess calls it after each commit, in
/// order, at least once; a publisher would POST each event with its idempotency key so that a repeat is dropped.
/// </summary>
internal sealed class TourEventHandler(TourEventLog log) : ITeamAccessEventHandler
{
    public ValueTask HandleAsync(TeamAccessEvent teamAccessEvent, CancellationToken cancellationToken)
    {
        log.Add(teamAccessEvent);
        return ValueTask.CompletedTask;
    }
}
