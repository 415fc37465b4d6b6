using System.Collections.Concurrent;
using TeamAccess.Events;

namespace TeamAccess.Tests;

/// <summary>What the handlers of one test saw, and how they behave: a singleton the scoped handlers share.</summary>
internal sealed class EventRecorder
{
    private readonly ConcurrentQueue<TeamAccessEvent> _delivered = new();

    /// <summary>Gets every delivery, in the order made (an event delivered again appears again).</summary>
    public IReadOnlyList<TeamAccessEvent> Delivered => [.. _delivered];

    /// <summary>Gets or sets what a handler does before it records an event; it may throw or wait.</summary>
    public Func<TeamAccessEvent, CancellationToken, Task>? Before { get; set; }

    public async ValueTask RecordAsync(TeamAccessEvent teamAccessEvent, CancellationToken cancellationToken)
    {
        if (Before is { } before)
        {
            await before(teamAccessEvent, cancellationToken);
        }

        _delivered.Enqueue(teamAccessEvent);
    }

    /// <summary>Waits until an event with the sequence number has been delivered.</summary>
    public async Task WaitForAsync(long sequence, TimeSpan? limit = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!_delivered.Any(e => e.Sequence >= sequence))
        {
            Assert.True(clock.Elapsed < (limit ?? TimeSpan.FromSeconds(60)), $"event {sequence} not delivered; delivered: {string.Join(", ", _delivered.Select(e => e.Sequence))}");
            await Task.Delay(10);
        }
    }
}
