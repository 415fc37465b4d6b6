using System.Collections.Concurrent;
using TeamAccess.Events;

namespace TeamAccess.Samples.Console;

/// <summary>What the tour's event handler received, kept for step 16 to print (a real host would publish each one).</summary>
internal sealed class TourEventLog
{
    private readonly ConcurrentQueue<TeamAccessEvent> _events = new();

    public IReadOnlyList<TeamAccessEvent> Events => [.. _events];

    public void Add(TeamAccessEvent teamAccessEvent) => _events.Enqueue(teamAccessEvent);
}
