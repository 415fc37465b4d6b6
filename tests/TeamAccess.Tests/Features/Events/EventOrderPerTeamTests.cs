using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using TeamAccess.Accounts;
using TeamAccess.Events;
using TeamAccess.Hosting;
using TeamAccess.Teams;

namespace TeamAccess.Tests;

/// <summary>Order is promised per team: a failing event holds back its own team only, and the host sees, skips and replays it.</summary>
public sealed class EventOrderPerTeamTests
{
    [Fact]
    public async Task Dispatcher_HandlerThrowsOnOneTeamsEvent_OtherTeamsFlow_ItsTeamWaits_AndFlowsInOrderOnceFixed()
    {
        var store = new InMemoryTeamAccessStore();
        var broken = new BrokenFor();
        var recorder = new EventRecorder { Before = broken.Before };
        await using var host = await EventHost.StartAsync(store, recorder: recorder);
        var (a, b) = (await host.SignUpAsync("alice"), await host.SignUpAsync("bob"));
        broken.Team = a.Team.Id;

        var (renamedA, tierA) = await RenameAndChangeTierAsync(host, a);
        var (renamedB, tierB) = await RenameAndChangeTierAsync(host, b);

        // Team B's events, committed after A's failing one, are delivered; A's wait behind it.
        await recorder.WaitForAsync(tierB);
        await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref broken.Attempts) >= 2), "a second attempt on A's event");
        var delivered = recorder.Delivered.Select(e => e.Sequence).ToList();
        Assert.Contains(renamedB, delivered);
        Assert.DoesNotContain(renamedA, delivered);
        Assert.DoesNotContain(tierA, delivered);
        var held = await host.Dispatcher.ListHeldAsync();
        Assert.Equal([renamedA, tierA], held.Select(h => h.Sequence));
        Assert.True(held[0].Attempts >= 1);
        Assert.Equal(0, held[1].Attempts);
        Assert.All(held, h => Assert.Equal($"team:{a.Team.Id.Value:N}", h.OrderKey));
        Assert.Equal(typeof(InvalidOperationException).FullName, held[0].LastError);
        var warning = host.Logs.Lines.First(l => l.Contains($"event {renamedA} (", StringComparison.Ordinal));
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);

        broken.Team = null;
        await recorder.WaitForAsync(tierA);
        await EventuallyAsync(async () => (await host.Dispatcher.ListHeldAsync()).Count == 0, "no held event");

        // Every event delivered once; per team in sequence order.
        var all = await AllAsync(store);
        var sequences = recorder.Delivered.Select(e => e.Sequence).ToList();
        Assert.Equal(all.Select(e => e.Sequence).Order(), sequences.Order());
        var teamA = recorder.Delivered.Where(e => e.TeamId == a.Team.Id).Select(e => e.Sequence).ToList();
        Assert.Equal(teamA.Order(), teamA);
        Assert.True(sequences.IndexOf(renamedA) < sequences.IndexOf(tierA));
        Assert.True(sequences.IndexOf(tierB) < sequences.IndexOf(renamedA), "team B was not held back by team A");
        await EventuallyAsync(async () => await store.GetPositionAsync("test.events", CancellationToken.None) == all[^1].Sequence, "position stored");
    }

    [Fact]
    public async Task Dispatcher_RestartedWhileATeamIsHeld_DeliversTheHeldEventsFirst_AndNeverOtherTeamsDeliveredEventsAgain()
    {
        var store = new InMemoryTeamAccessStore();
        var broken = new BrokenFor();
        SignUpResult a, b;
        long renamedA, tierA, tierB;
        long[] firstDelivered;
        await using (var first = await EventHost.StartAsync(store, recorder: new EventRecorder { Before = broken.Before }))
        {
            (a, b) = (await first.SignUpAsync("alice"), await first.SignUpAsync("bob"));
            broken.Team = a.Team.Id;
            (renamedA, tierA) = await RenameAndChangeTierAsync(first, a);
            (_, tierB) = await RenameAndChangeTierAsync(first, b);
            await first.Recorder.WaitForAsync(tierB);
            await EventuallyAsync(async () => (await first.Dispatcher.ListHeldAsync()).Count == 2, "A's two events held");
            firstDelivered = [.. first.Recorder.Delivered.Select(e => e.Sequence)];
        }

        Assert.Equal(tierB, await store.GetPositionAsync("test.events", CancellationToken.None));

        // A new instance on the same store, the handler fixed, one more commit for B.
        await using var restarted = await EventHost.StartAsync(store);
        await restarted.UseAsync<ITeamService, Result<Team>>(t => t.RenameAsync(b.User.Id, b.Team.Id, "Later"));
        var all = await AllAsync(store);
        await restarted.Recorder.WaitForAsync(all[^1].Sequence);
        await EventuallyAsync(() => Task.FromResult(restarted.Recorder.Delivered.Any(e => e.Sequence == tierA)), "A's waiting event");

        var again = restarted.Recorder.Delivered.Select(e => e.Sequence).ToList();
        Assert.Equal(renamedA, again[0]);
        Assert.Equal(tierA, again[1]);
        Assert.Equal([renamedA, tierA, all[^1].Sequence], again);
        Assert.Empty(firstDelivered.Intersect(again));
        Assert.Equal(all.Select(e => e.Sequence), firstDelivered.Concat(again).Order());
        Assert.Empty(await restarted.Dispatcher.ListHeldAsync());
    }

    [Fact]
    public async Task Admin_SkipsAHeldEventIntoADeadLetter_ItsTeamFlowsOn_AndReplayDeliversItOnceTheHandlerWorks()
    {
        var store = new InMemoryTeamAccessStore();
        var broken = new BrokenFor();
        var recorder = new EventRecorder { Before = broken.Before };
        await using var host = await EventHost.StartAsync(store, recorder: recorder);
        var a = await host.SignUpAsync("alice");
        broken.Team = a.Team.Id;
        var (renamedA, tierA) = await RenameAndChangeTierAsync(host, a);
        await EventuallyAsync(async () => (await host.Dispatcher.ListHeldAsync()).Count == 2, "A's two events held");
        var admin = host.Services.GetRequiredService<ITeamAccessEventAdmin>();

        Assert.Null(await admin.SkipAsync(tierA + 1000));
        broken.Only = renamedA;
        var deadLetter = await admin.SkipAsync(renamedA);

        Assert.NotNull(deadLetter);
        Assert.Equal(HeldEventState.DeadLetter, deadLetter.State);
        await recorder.WaitForAsync(tierA);
        Assert.DoesNotContain(recorder.Delivered, e => e.Sequence == renamedA);
        Assert.Equal([renamedA], (await admin.ListDeadLettersAsync()).Select(d => d.Sequence));
        await EventuallyAsync(async () => (await admin.ListHeldAsync()).Count == 0, "nothing held");

        // Replay while the handler still fails: kept, one more attempt; once it works: delivered and removed.
        var attempts = (await admin.ListDeadLettersAsync())[0].Attempts;
        Assert.False(await admin.ReplayAsync(renamedA));
        Assert.Equal(attempts + 1, (await admin.ListDeadLettersAsync())[0].Attempts);
        broken.Team = null;
        Assert.True(await admin.ReplayAsync(renamedA));
        Assert.Single(recorder.Delivered, e => e.Sequence == renamedA);
        Assert.Empty(await admin.ListDeadLettersAsync());
        Assert.False(await admin.ReplayAsync(renamedA));
    }

    [Fact]
    public async Task HealthCheck_AHeldEventPastMaxAttempts_IsDegraded_UntilSkipped()
    {
        var store = new InMemoryTeamAccessStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var broken = new BrokenFor();
        await using var host = await EventHost.StartAsync(
            store,
            recorder: new EventRecorder { Before = broken.Before },
            configure: o =>
            {
                o.RetryDelay = TimeSpan.FromSeconds(1);
                o.MaxRetryDelay = TimeSpan.FromSeconds(1);
                o.PollInterval = TimeSpan.FromSeconds(1);
                o.MaxAttemptsBeforeDegraded = 3;
            },
            time: time);
        var a = await host.SignUpAsync("alice");
        broken.Team = a.Team.Id;
        var (renamedA, _) = await RenameAndChangeTierAsync(host, a);
        var health = host.Services.GetRequiredService<TeamAccessHealthCheck>();

        await AdvanceUntilAsync(time, () => Volatile.Read(ref broken.Attempts) >= 1, "a first attempt");
        var early = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.DoesNotContain("held", early.Description ?? string.Empty, StringComparison.Ordinal);

        // The back-off is on the host's clock: no second attempt without the clock moving.
        var before = Volatile.Read(ref broken.Attempts);
        await Task.Delay(200);
        Assert.Equal(before, Volatile.Read(ref broken.Attempts));

        await AdvanceUntilAsync(time, () => host.Dispatcher.IsDegraded, "three attempts");
        var degraded = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("held", degraded.Description, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains($"event {renamedA} ", StringComparison.Ordinal));
        var meter = host.Services.GetRequiredService<TeamAccessMetrics>().Meter;
        var gauges = Gauges.Read(meter);
        Assert.True(gauges["teamaccess.events.held"] >= 1, $"held: {gauges["teamaccess.events.held"]}");
        Assert.True(gauges["teamaccess.events.held.attempts"] >= 3);

        await host.Services.GetRequiredService<ITeamAccessEventAdmin>().SkipAsync(renamedA);
        await AdvanceUntilAsync(time, () => host.Dispatcher.HeldCount == 0 && !host.Dispatcher.IsDegraded, "nothing held");
        var after = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.DoesNotContain("held", after.Description ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, Gauges.Read(meter)["teamaccess.events.held"]);
    }

    private static async Task<(long Renamed, long TierChanged)> RenameAndChangeTierAsync(EventHost host, SignUpResult owner)
    {
        await host.UseAsync<ITeamService, Result<Team>>(t => t.RenameAsync(owner.User.Id, owner.Team.Id, $"{owner.Team.Name} renamed"));
        await host.UseAsync<ITeamService, Result<Team>>(t => t.ChangeTierAsync(owner.User.Id, owner.Team.Id, TeamTier.Commercial));
        var mine = (await AllAsync(host.Services.GetRequiredService<InMemoryTeamAccessStore>())).Where(e => e.TeamId == owner.Team.Id).ToList();
        return (mine.Last(e => e.Action == AuditActions.TeamRenamed).Sequence, mine.Last(e => e.Action == AuditActions.TeamTierChanged).Sequence);
    }

    private static async Task<IReadOnlyList<AuditEvent>> AllAsync(InMemoryTeamAccessStore store) =>
        await store.ReadAllAsync(0, 100_000, CancellationToken.None);

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{what}: not seen in time");
            await Task.Delay(10);
        }
    }

    /// <summary>Moves the fake clock a little at a time until the condition holds (the loop's timers start whenever they start).</summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{what}: not seen in time");
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10);
        }
    }

    /// <summary>A handler's failure: the team renames of one team throw (or only one event) while set.</summary>
    private sealed class BrokenFor
    {
        public int Attempts;

        public TeamId? Team { get; set; }

        public long? Only { get; set; }

        public Task Before(TeamAccessEvent e, CancellationToken cancellationToken)
        {
            if (Team is { } team && e.TeamId == team && e is TeamRenamedEvent && (Only is null || Only == e.Sequence))
            {
                Interlocked.Increment(ref Attempts);
                throw new InvalidOperationException("the tenant's odd value breaks the webhook");
            }

            return Task.CompletedTask;
        }
    }
}
