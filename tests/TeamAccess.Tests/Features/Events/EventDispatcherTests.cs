using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;
using TeamAccess.Events;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.Teams;

namespace TeamAccess.Tests;

public sealed class EventDispatcherTests
{
    [Fact]
    public async Task Dispatcher_EveryCommit_IsDeliveredOnceInSequenceOrderAndItsPositionStored()
    {
        var store = new InMemoryTeamAccessStore();
        await using var host = await EventHost.StartAsync(store);
        var (owner, person) = await TwoPeopleAsync(host);
        var added = await host.UseAsync<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(owner.Team.Id, person.User.Id, RolePresets.Member));
        await host.UseAsync<IMemberService, Result<Membership>>(m => m.ChangeRoleAsync(owner.User.Id, owner.Team.Id, added.Value!.Id, RolePresets.Observer));
        await host.UseAsync<IInvitationService, Result<InviteBatchResult>>(i => i.InviteAsync(owner.User.Id, owner.Team.Id, InviteRequest.FromText("grace@example.com", RolePresets.Member)));
        var all = await AllAsync(store);

        await host.Recorder.WaitForAsync(all[^1].Sequence);

        // One delivery per event although the handler type was registered twice, in sequence order, each its own type.
        Assert.Equal(all.Select(e => e.Sequence), host.Recorder.Delivered.Select(e => e.Sequence));
        Assert.Equal(all.Select(e => TeamAccessEvent.From(e).GetType()), host.Recorder.Delivered.Select(e => e.GetType()));
        Assert.Contains(host.Recorder.Delivered, e => e is MemberRoleChangedEvent { RoleBefore: RolePresets.Member, RoleAfter: RolePresets.Observer });
        Assert.Contains(host.Recorder.Delivered, e => e is InvitationSentEvent { Email: "grace@example.com" });
        await EventuallyAsync(async () => await store.GetPositionAsync("test.events", CancellationToken.None) == all[^1].Sequence, "position stored");
    }

    [Fact]
    public async Task Dispatcher_HandlerThrows_RetriesWithBackoffStoresWhatCameBeforeAndDeliversNothingAfterItUntilItSucceeds()
    {
        var store = new InMemoryTeamAccessStore();
        var recorder = new EventRecorder();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = 0;
        recorder.Before = (e, _) =>
        {
            if (e is MemberRoleChangedEvent && !release.Task.IsCompleted)
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("the webhook endpoint is down");
            }

            return Task.CompletedTask;
        };
        await using var host = await EventHost.StartAsync(store, recorder: recorder);
        var (owner, person) = await TwoPeopleAsync(host);
        var added = (await host.UseAsync<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(owner.Team.Id, person.User.Id, RolePresets.Member))).Value!;
        await host.UseAsync<IMemberService, Result<Membership>>(m => m.ChangeRoleAsync(owner.User.Id, owner.Team.Id, added.Id, RolePresets.Observer));
        await host.UseAsync<IMemberService, Result<Membership>>(m => m.RemoveAsync(owner.User.Id, owner.Team.Id, added.Id));
        var all = await AllAsync(store);
        var failing = all.Single(e => e.Action == AuditActions.MembershipRoleChanged).Sequence;

        await EventuallyAsync(() => Task.FromResult(Volatile.Read(ref attempts) >= 3), "three attempts");

        // Stuck on the failing event: everything before it is handled and stored, nothing after it is delivered.
        Assert.Equal(all.Where(e => e.Sequence < failing).Select(e => e.Sequence), recorder.Delivered.Select(e => e.Sequence));
        // Held with a record (the position may move past it: order is kept per team, by the record).
        Assert.Equal(failing, (await host.Dispatcher.ListHeldAsync())[0].Sequence);
        var warning = host.Logs.Lines.First(l => l.Contains("RecordingEventHandler", StringComparison.Ordinal));
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);
        Assert.Contains($"event {failing} ({AuditActions.MembershipRoleChanged}", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.com", string.Concat(host.Logs.Lines), StringComparison.Ordinal);

        release.SetResult();
        await recorder.WaitForAsync(all[^1].Sequence);

        Assert.Equal(all.Select(e => e.Sequence), recorder.Delivered.Select(e => e.Sequence));
        await EventuallyAsync(async () => await store.GetPositionAsync("test.events", CancellationToken.None) == all[^1].Sequence, "position stored");
    }

    [Fact]
    public async Task Dispatcher_HostStoppedMidEventAndStartedAgain_LosesNothingAndDeliversAgainOnlyWhatWasNotStored()
    {
        var store = new InMemoryTeamAccessStore();
        var first = new EventRecorder();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.Before = async (e, ct) =>
        {
            if (e is MemberAddedEvent { RoleAfter: RolePresets.Member })
            {
                // The host stops while this handler is at work (a slow webhook): the token is cancelled.
                entered.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
        };
        long stored;
        long[] firstSequences;
        SignUpResult owner;
        await using (var host = await EventHost.StartAsync(store, recorder: first))
        {
            (owner, var person) = await TwoPeopleAsync(host);
            await host.UseAsync<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(owner.Team.Id, person.User.Id, RolePresets.Member));
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        stored = await store.GetPositionAsync("test.events", CancellationToken.None) ?? -1;
        firstSequences = [.. first.Delivered.Select(e => e.Sequence)];
        Assert.Equal(firstSequences[^1], stored);

        // More commits while no instance delivers, then a new instance under the same consumer name.
        await using var restarted = await EventHost.StartAsync(store);
        await restarted.UseAsync<ITeamService, Result<Team>>(t => t.RenameAsync(owner.User.Id, owner.Team.Id, "Renamed"));
        var all = await AllAsync(store);
        await restarted.Recorder.WaitForAsync(all[^1].Sequence);

        var again = restarted.Recorder.Delivered.Select(e => e.Sequence).ToList();
        Assert.All(again, s => Assert.True(s > stored, $"event {s} was stored as handled ({stored}) but delivered again"));
        Assert.Equal(all.Select(e => e.Sequence), firstSequences.Concat(again));
        Assert.IsType<MemberAddedEvent>(restarted.Recorder.Delivered[0]);
    }

    [Fact]
    public async Task Dispatcher_HandlerStillFailingWhenTheHostStops_NextStartDeliversFromTheFailedEventOn()
    {
        var store = new InMemoryTeamAccessStore();
        var broken = new EventRecorder { Before = (e, _) => e is TeamRenamedEvent ? throw new InvalidOperationException("broken") : Task.CompletedTask };
        SignUpResult owner;
        await using (var host = await EventHost.StartAsync(store, recorder: broken))
        {
            owner = await host.SignUpAsync("owner");
            await host.UseAsync<ITeamService, Result<Team>>(t => t.RenameAsync(owner.User.Id, owner.Team.Id, "Renamed"));
            await host.UseAsync<ITeamService, Result<Team>>(t => t.ChangeTierAsync(owner.User.Id, owner.Team.Id, TeamTier.Commercial));
            await EventuallyAsync(() => Task.FromResult(host.Logs.Lines.Any(l => l.Contains("attempt 2", StringComparison.Ordinal))), "a second attempt");
        }

        var all = await AllAsync(store);
        var renamed = all.Single(e => e.Action == AuditActions.TeamRenamed).Sequence;
        Assert.Equal(renamed, (await store.ListHeldEventsAsync("test.events", CancellationToken.None))[0].Sequence);

        await using var fixedHost = await EventHost.StartAsync(store);
        await fixedHost.Recorder.WaitForAsync(all[^1].Sequence);

        Assert.Equal(all.Where(e => e.Sequence >= renamed).Select(e => e.Sequence), fixedHost.Recorder.Delivered.Select(e => e.Sequence));
        Assert.IsType<TeamTierChangedEvent>(fixedHost.Recorder.Delivered[^1]);
    }

    [Fact]
    public async Task Dispatcher_TwoConsumerNames_EachGetsEveryEvent_AndOneNameSharesOnePosition()
    {
        var store = new InMemoryTeamAccessStore();
        await using var a = await EventHost.StartAsync(store, "publisher");
        await using var b = await EventHost.StartAsync(store, "cache");
        var (owner, person) = await TwoPeopleAsync(a);
        await b.UseAsync<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(owner.Team.Id, person.User.Id, RolePresets.Member));
        var all = await AllAsync(store);

        await a.Recorder.WaitForAsync(all[^1].Sequence);
        await b.Recorder.WaitForAsync(all[^1].Sequence);

        Assert.Equal(all.Select(e => e.Sequence), a.Recorder.Delivered.Select(e => e.Sequence));
        Assert.Equal(all.Select(e => e.Sequence), b.Recorder.Delivered.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Dispatcher_StartFromNow_FirstStartSkipsTheHistory_DeliversWhatFollows_AndARestartResumesWhereItStopped()
    {
        var store = new InMemoryTeamAccessStore();
        await using var writer = await EventHost.StartAsync(store, "writer");
        var owner = await writer.SignUpAsync("owner");
        var history = await AllAsync(store);

        await using (var host = await EventHost.StartAsync(store, configure: o => o.StartFrom = EventStart.Now))
        {
            await EventuallyAsync(async () => await store.GetPositionAsync("test.events", CancellationToken.None) == history[^1].Sequence, "the log's end stored at the first start");
            await writer.UseAsync<ITeamService, Result<Team>>(t => t.RenameAsync(owner.User.Id, owner.Team.Id, "Renamed"));
            var renamed = await AllAsync(store);
            await host.Recorder.WaitForAsync(renamed[^1].Sequence);

            Assert.IsType<TeamRenamedEvent>(Assert.Single(host.Recorder.Delivered));
        }

        // A commit while no instance delivers; the restart (still configured to start now) resumes at the stored position.
        await writer.UseAsync<ITeamService, Result<Team>>(t => t.ChangeTierAsync(owner.User.Id, owner.Team.Id, TeamTier.Commercial));
        var all = await AllAsync(store);
        await using var restarted = await EventHost.StartAsync(store, configure: o => o.StartFrom = EventStart.Now);
        await restarted.Recorder.WaitForAsync(all[^1].Sequence);

        Assert.IsType<TeamTierChangedEvent>(Assert.Single(restarted.Recorder.Delivered));
    }

    [Fact]
    public async Task Dispatcher_StartFromNowOnAnEmptyLog_StoresPositionZero_AndARestartDeliversEverythingCommittedSince()
    {
        var store = new InMemoryTeamAccessStore();
        await using (var host = await EventHost.StartAsync(store, configure: o => o.StartFrom = EventStart.Now))
        {
            await EventuallyAsync(async () => await store.GetPositionAsync("test.events", CancellationToken.None) == 0, "position 0 stored");
        }

        await using (var writer = await EventHost.StartAsync(store, "writer"))
        {
            await writer.SignUpAsync("owner");
        }

        // Position 0 is stored, not missing: the restart does not take the log's new end as its start.
        var all = await AllAsync(store);
        await using var restarted = await EventHost.StartAsync(store, configure: o => o.StartFrom = EventStart.Now);
        await restarted.Recorder.WaitForAsync(all[^1].Sequence);

        Assert.Equal(all.Select(e => e.Sequence), restarted.Recorder.Delivered.Select(e => e.Sequence));
    }

    [Fact]
    public async Task WarmUp_UndefinedStartFrom_FailsTheStartNamingIt()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess(o => o.Events.StartFrom = (EventStart)7).AddInMemoryStores().AddEventHandler<RecordingEventHandler>();
        services.AddSingleton(new EventRecorder());
        await using var provider = services.BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.WarmUpTeamAccessAsync());

        Assert.Contains("Events.StartFrom", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 100, 1000)]
    [InlineData("events", 0, 1000)]
    [InlineData("events", 100, 1)]
    public async Task WarmUp_BadEventOptions_FailsTheStartNamingThem(string consumer, int batchSize, int pollMilliseconds)
    {
        var services = new ServiceCollection();
        services.AddTeamAccess(o =>
        {
            o.Events.Consumer = consumer;
            o.Events.BatchSize = batchSize;
            o.Events.PollInterval = TimeSpan.FromMilliseconds(pollMilliseconds);
        }).AddInMemoryStores().AddEventHandler<RecordingEventHandler>();
        services.AddSingleton(new EventRecorder());
        await using var provider = services.BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.WarmUpTeamAccessAsync());

        Assert.Contains("Events.", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<(SignUpResult Owner, SignUpResult Person)> TwoPeopleAsync(EventHost host) =>
        (await host.SignUpAsync("owner"), await host.SignUpAsync("person"));

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
}
