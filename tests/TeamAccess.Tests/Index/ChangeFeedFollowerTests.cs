using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamAccess.Hosting;
using TeamAccess.Index;

namespace TeamAccess.Tests;

public sealed class ChangeFeedFollowerTests
{
    /// <summary>How long a test waits on the real clock for the follower to do what it must before calling it a hang.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Follower_NoNotifier_AppliesAnotherInstancesCommitWithinTheBoundOnItsClock()
    {
        await using var other = TestBed.Create();
        var clock = new TimerCountingClock();
        var options = new TeamAccessOptions();
        var engine = new AccessEngine(RoleCatalog.Create(options));
        await using var follower = new ChangeFeedFollower(engine, other.Store.Teams(), [], clock, Options.Create(options), other.Store.Feed());
        follower.Start(await follower.GetHeadAsync(CancellationToken.None));
        await UntilAsync(() => clock.TimersCreated > 0, "the follower waiting after its first read");

        // Committed by another instance, of which nothing tells this one: only its polling can bring the change, and
        // it does not read again until its clock moves.
        var owner = await other.SignUpAsync("ada");
        Assert.Equal(0L, engine.VersionOf(owner.Team.Id));

        clock.Advance(options.ChangeFeed.StalenessBound / 2);
        await UntilAsync(() => engine.VersionOf(owner.Team.Id) > 0, "the commit applied after half the bound");
        Assert.True(engine.HasPermission(owner.User.Id, owner.Team.Id, Permissions.MembersRead));
        Assert.False(follower.IsStale);
    }

    [Theory]
    [InlineData(true, HealthStatus.Unhealthy)]
    [InlineData(false, HealthStatus.Degraded)]
    public async Task Follower_FeedUnreadablePastTheBound_ReportsItAndFailsClosedOnlyWhenAsked(bool failClosed, HealthStatus expected)
    {
        var clock = new TimerCountingClock();
        var options = new TeamAccessOptions();
        options.ChangeFeed.FailClosedWhenStale = failClosed;
        var store = new InMemoryTeamAccessStore();
        var feed = new BreakableFeed(store.Feed());
        var roles = RoleCatalog.Create(options);
        var engine = new AccessEngine(roles);
        await using var follower = new ChangeFeedFollower(engine, store.Teams(), [], clock, Options.Create(options), feed);
        var health = new TeamAccessHealthCheck(follower, failClosed);

        var team = new Team(TeamId.New(), "Acme", "acme", TeamTier.Free, TeamStatus.Active, clock.GetUtcNow()) { Version = 1 };
        var user = UserId.New();
        var owner = new StoredMembership(MembershipId.New(), team.Id, user, "ada@example.com", RolePresets.Owner, MembershipStatus.Active, clock.GetUtcNow());
        engine.Apply(TeamSnapshot.Empty(team) with { Memberships = ImmutableDictionary<MembershipId, StoredMembership>.Empty.Add(owner.Id, owner) });
        follower.Start(0);
        await UntilAsync(() => clock.TimersCreated > 0, "the follower waiting after its first read");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        // Polled at half the bound: the third failed read is the first past the bound.
        feed.Broken = true;
        await PollAsync(clock, options);
        await PollAsync(clock, options);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        await PollAsync(clock, options);

        Assert.Equal(expected, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(failClosed, engine.Refusing);
        Assert.Equal(!failClosed, engine.HasPermission(user, team.Id, Permissions.MembersRead));
        Assert.Equal(failClosed ? AccessReason.IndexStale : AccessReason.AllowedByRole, engine.Explain(user, team.Id, Permissions.MembersRead).Reason);

        feed.Broken = false;
        await PollAsync(clock, options);
        Assert.False(engine.Refusing);
        Assert.False(follower.IsStale);
        Assert.True(engine.HasPermission(user, team.Id, Permissions.MembersRead));
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    /// <summary>
    /// Moves the follower's clock on by one polling period and waits until the read that wakes has finished: the loop is
    /// back waiting, on a new timer.
    /// </summary>
    private static async Task PollAsync(TimerCountingClock clock, TeamAccessOptions options)
    {
        var timers = clock.TimersCreated;
        clock.Advance(options.ChangeFeed.StalenessBound / 2);
        await UntilAsync(() => clock.TimersCreated > timers, "the follower back waiting after a poll");
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(started.Elapsed < Hang, $"{what}: not seen within {Hang} (a hang)");
            await Task.Delay(5);
        }
    }

    /// <summary>
    /// A fake clock that counts the timers made on it: the follower's loop makes one each time it goes back to waiting,
    /// so a test knows when moving the clock on will wake it (a timer made after the move would wait a period more).
    /// </summary>
    private sealed class TimerCountingClock() : FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero))
    {
        private int _timers;

        public int TimersCreated => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timers);
            return timer;
        }
    }
}
