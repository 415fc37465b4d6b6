using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Events;
using TeamAccess.Hosting;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.Teams;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// Membership events on a shared store: two instances of a host (two service providers), each delivering under its own
/// consumer name, both get every event whichever instance made the change, in commit order; an instance stopped and
/// started again resumes from its stored position; two instances sharing one consumer name deliver each event once, one
/// instance at a time, and the other takes over when the deliverer stops. Run on the in-memory store, a SQLite file and PostgreSQL.
/// </summary>
public abstract class EventDeliveryTests
{
    /// <summary>Creates an empty store; returns how a host is put on it and how to throw it away.</summary>
    internal abstract Task<(Action<TeamAccessBuilder> Storage, Func<ValueTask> Drop)> CreateStoreAsync();

    [SkippableFact]
    public async Task TwoHostsEachWithItsConsumer_EachGetsEveryEventInOrder_AndAStoppedHostResumesWhereItStopped()
    {
        var (storage, drop) = await CreateStoreAsync();
        try
        {
            var a = await StartAsync(storage, "host-a");
            await using var b = await StartAsync(storage, "host-b");
            var owner = await a.Host.SignUpAsync("owner");
            var team = owner.Team.Id;
            var person = await b.Host.SignUpAsync("person");
            var added = await b.Host.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(team, person.User.Id, RolePresets.Member));
            Assert.True(added.Succeeded, added.ToString());
            await a.Host.Use<IMemberService, Result<Membership>>(m => m.ChangeRoleAsync(owner.User.Id, team, added.Value!.Id, RolePresets.Administrator));
            var head = await HeadAsync(a.Host);
            await a.Recorder.WaitForAsync(head);

            // A stores its position after the batch its handlers saw: wait for it, so the check below compares with it.
            var checkpoints = a.Host.Services.GetRequiredService<IChangeFeedCheckpoints>();
            await Host.EventuallyAsync(async () => await checkpoints.GetPositionAsync("host-a", CancellationToken.None) >= head, Host.Hang, "A's position stored");
            var stored = await checkpoints.GetPositionAsync("host-a", CancellationToken.None);

            // A stops; B writes on; A starts again under its name and delivers only what it had not stored.
            var before = a.Recorder.Sequences;
            await a.DisposeAsync();
            await b.Host.Use<IInvitationService, Result<InviteBatchResult>>(i => i.InviteAsync(owner.User.Id, team, InviteRequest.FromText("grace@example.com", RolePresets.Member)));
            await b.Host.Use<ITeamService, Result<Team>>(t => t.RenameAsync(person.User.Id, team, "Renamed"));
            await b.Host.Use<IMemberService, Result<Membership>>(m => m.LeaveAsync(person.User.Id, team));
            await using var again = await StartAsync(storage, "host-a");
            var all = await b.Host.Services.GetRequiredService<IAuditStore>().ReadAllAsync(0, 100_000, CancellationToken.None);
            await again.Recorder.WaitForAsync(all[^1].Sequence);
            await b.Recorder.WaitForAsync(all[^1].Sequence);

            var expected = all.Select(e => e.Sequence).ToList();
            Assert.Equal(expected, b.Recorder.Sequences);
            Assert.All(again.Recorder.Sequences, s => Assert.True(s > stored, $"event {s} delivered again after {stored} was stored"));
            Assert.Equal(expected, before.Concat(again.Recorder.Sequences));
            Assert.Equal(
                [typeof(InvitationSentEvent), typeof(TeamRenamedEvent), typeof(MemberLeftEvent)],
                again.Recorder.Events.Where(e => e.TeamId == team).Select(e => e.GetType()));
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task AHandlerFailingOnOneTeam_HoldsOnlyThatTeam_AndAHostStartedAgainDeliversTheHeldEventsFirst_AndNoOtherAgain()
    {
        var (storage, drop) = await CreateStoreAsync();
        try
        {
            TeamId? failing = null;
            var first = await StartAsync(storage, "host-a", e => e.TeamId == failing && e is TeamRenamedEvent);
            var alice = await first.Host.SignUpAsync("alice");
            var bob = await first.Host.SignUpAsync("bob");
            failing = alice.Team.Id;
            await first.Host.Use<ITeamService, Result<Team>>(t => t.RenameAsync(alice.User.Id, alice.Team.Id, "Alice's renamed"));
            await first.Host.Use<ITeamService, Result<Team>>(t => t.ChangeTierAsync(alice.User.Id, alice.Team.Id, TeamTier.Commercial));
            await first.Host.Use<ITeamService, Result<Team>>(t => t.RenameAsync(bob.User.Id, bob.Team.Id, "Bob's renamed"));
            var all = await first.Host.Services.GetRequiredService<IAuditStore>().ReadAllAsync(0, 100_000, CancellationToken.None);
            var aliceRenamed = all.Single(e => e.Action == AuditActions.TeamRenamed && e.TeamId == alice.Team.Id).Sequence;
            var aliceHeld = all.Where(e => e.TeamId == alice.Team.Id && e.Sequence >= aliceRenamed).Select(e => e.Sequence).ToList();

            // Bob's rename, committed after Alice's failing one, is delivered; Alice's two wait, recorded in the store.
            await first.Recorder.WaitForAsync(all[^1].Sequence);
            var admin = first.Host.Services.GetRequiredService<ITeamAccessEventAdmin>();
            await Host.EventuallyAsync(async () => (await admin.ListHeldAsync()).Count == 2, Host.Hang, "Alice's events held");
            Assert.Equal(aliceHeld, (await admin.ListHeldAsync()).Select(h => h.Sequence));
            Assert.DoesNotContain(first.Recorder.Sequences, aliceHeld.Contains);
            var before = first.Recorder.Sequences;
            await first.DisposeAsync();

            await using var again = await StartAsync(storage, "host-a");
            await again.Recorder.WaitForAsync(aliceHeld[^1]);
            Assert.Equal(aliceHeld, again.Recorder.Sequences);
            Assert.Equal(all.Select(e => e.Sequence), before.Concat(again.Recorder.Sequences).Order());
            await Host.EventuallyAsync(async () => (await again.Host.Services.GetRequiredService<ITeamAccessEventAdmin>().ListHeldAsync()).Count == 0, Host.Hang, "nothing held");
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task TwoHostsSharingAConsumer_DeliverEachEventOnce_AndTheOtherTakesOverWhenTheDelivererStops()
    {
        var (storage, drop) = await CreateStoreAsync();
        Instance? a = null;
        Instance? b = null;
        try
        {
            a = await StartAsync(storage, "shared", lease: TimeSpan.FromSeconds(3));
            b = await StartAsync(storage, "shared", lease: TimeSpan.FromSeconds(3));
            var owners = new List<(Host Host, UserId User, TeamId Team)>();
            for (var i = 0; i < 4; i++)
            {
                var host = i % 2 == 0 ? a.Host : b.Host;
                var owner = await host.SignUpAsync($"owner{i}");
                owners.Add((host, owner.User.Id, owner.Team.Id));
            }

            foreach (var (host, user, team) in owners)
            {
                await host.Use<ITeamService, Result<Team>>(t => t.RenameAsync(user, team, "Renamed once"));
                await host.Use<ITeamService, Result<Team>>(t => t.RenameAsync(user, team, "Renamed twice"));
            }

            var head = await HeadAsync(a.Host);
            await Host.EventuallyAsync(() => a.Recorder.Sequences.Concat(b.Recorder.Sequences).Contains(head), Host.Hang, $"event {head}");
            AssertEachOnceInOrder(await AllAsync(a.Host), a, b);

            // The instance delivering stops (and gives its lease back); the other takes over, from the stored position.
            var (stopping, staying) = a.Recorder.Sequences.Count > 0 ? (a, b) : (b, a);
            await stopping.DisposeAsync();
            (a, b) = (staying, null);
            var (_, lastUser, lastTeam) = owners[^1];
            await staying.Host.Use<ITeamService, Result<Team>>(t => t.RenameAsync(lastUser, lastTeam, "Renamed after the stop"));
            var all = await AllAsync(staying.Host);
            await staying.Recorder.WaitForAsync(all[^1]);
            AssertEachOnceInOrder(all, stopping, staying);
        }
        finally
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }

            if (b is not null)
            {
                await b.DisposeAsync();
            }

            await drop();
        }
    }

    private static void AssertEachOnceInOrder(IReadOnlyList<long> all, Instance one, Instance other)
    {
        var delivered = one.Recorder.Sequences.Concat(other.Recorder.Sequences).ToList();
        Assert.True(delivered.Count == delivered.Distinct().Count(), $"delivered twice: {string.Join(", ", delivered.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key))}");
        Assert.Equal(all, delivered.Order());
        Assert.All([one, other], i => Assert.Equal(i.Recorder.Sequences.Order(), i.Recorder.Sequences));
    }

    private static async Task<IReadOnlyList<long>> AllAsync(Host host) =>
        [.. (await host.Services.GetRequiredService<IAuditStore>().ReadAllAsync(0, 100_000, CancellationToken.None)).Select(e => e.Sequence)];

    private static async Task<long> HeadAsync(Host host) =>
        (await host.Services.GetRequiredService<IAuditStore>().ReadAllAsync(0, 100_000, CancellationToken.None))[^1].Sequence;

    private static async Task<Instance> StartAsync(Action<TeamAccessBuilder> storage, string consumer, Func<TeamAccessEvent, bool>? fails = null, TimeSpan? lease = null)
    {
        var recorder = new Recorder { Fails = fails };
        var host = await Host.StartAsync(
            builder =>
            {
                storage(builder);
                builder.AddEventHandler<RecordingHandler>();
            },
            options =>
            {
                options.Events.Consumer = consumer;
                options.Events.PollInterval = TimeSpan.FromMilliseconds(50);
                options.Events.RetryDelay = TimeSpan.FromMilliseconds(50);
                options.Events.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
                options.Events.LeaseDuration = lease ?? options.Events.LeaseDuration;
            },
            services => services.AddSingleton(recorder));
        return new Instance(host, recorder);
    }

    private sealed record Instance(Host Host, Recorder Recorder) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    private sealed class Recorder
    {
        private readonly ConcurrentQueue<TeamAccessEvent> _events = new();

        public IReadOnlyList<TeamAccessEvent> Events => [.. _events];

        public Func<TeamAccessEvent, bool>? Fails { get; init; }

        public IReadOnlyList<long> Sequences => [.. _events.Select(e => e.Sequence)];

        public void Add(TeamAccessEvent e) => _events.Enqueue(e);

        public Task<TimeSpan> WaitForAsync(long sequence) =>
            Host.EventuallyAsync(() => _events.Any(e => e.Sequence >= sequence), Host.Hang, $"event {sequence}");
    }

    private sealed class RecordingHandler(Recorder recorder) : ITeamAccessEventHandler
    {
        public ValueTask HandleAsync(TeamAccessEvent teamAccessEvent, CancellationToken cancellationToken)
        {
            if (recorder.Fails?.Invoke(teamAccessEvent) == true)
            {
                throw new InvalidOperationException("the webhook refuses this team's value");
            }

            recorder.Add(teamAccessEvent);
            return ValueTask.CompletedTask;
        }
    }
}
