using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace TeamAccess.Tests;

public sealed class ChangeFeedFollowerTests
{
    [Theory]
    [InlineData(true, HealthStatus.Unhealthy)]
    [InlineData(false, HealthStatus.Degraded)]
    public async Task Follower_FeedUnreadablePastTheBound_ReportsItAndFailsClosedOnlyWhenAsked(bool failClosed, HealthStatus expected)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var options = new TeamAccessOptions();
        options.ChangeFeed.FailClosedWhenStale = failClosed;
        var store = new InMemoryTeamAccessStore();
        var feed = new BreakableFeed(store);
        var roles = RoleCatalog.Create(options);
        var engine = new AccessEngine(roles);
        await using var follower = new ChangeFeedFollower(engine, store, [], time, Options.Create(options), feed);
        var health = new TeamAccessHealthCheck(follower, failClosed);

        var team = new Team(TeamId.New(), "Acme", "acme", TeamTier.Free, TeamStatus.Active, time.GetUtcNow()) { Version = 1 };
        var user = UserId.New();
        var owner = new StoredMembership(MembershipId.New(), team.Id, user, "ada@example.com", RolePresets.Owner, MembershipStatus.Active, time.GetUtcNow());
        engine.Apply(TeamSnapshot.Empty(team) with { Memberships = ImmutableDictionary<MembershipId, StoredMembership>.Empty.Add(owner.Id, owner) });
        follower.Start(0);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        feed.Broken = true;
        for (var i = 0; i < 4 && !(await health.CheckHealthAsync(new HealthCheckContext())).Status.Equals(expected); i++)
        {
            time.Advance(options.ChangeFeed.StalenessBound);
            await Task.Delay(50);
        }

        Assert.Equal(expected, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        if (failClosed)
        {
            await WaitAsync(() => engine.Refusing);
        }

        Assert.Equal(!failClosed, engine.HasPermission(user, team.Id, Permissions.MembersRead));
        Assert.Equal(failClosed ? AccessReason.IndexStale : AccessReason.AllowedByRole, engine.Explain(user, team.Id, Permissions.MembersRead).Reason);

        feed.Broken = false;
        time.Advance(options.ChangeFeed.StalenessBound);
        await WaitAsync(() => !engine.Refusing && !follower.IsStale);
        Assert.True(engine.HasPermission(user, team.Id, Permissions.MembersRead));
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private sealed class BreakableFeed(IChangeFeed inner) : IChangeFeed
    {
        public volatile bool Broken;

        public ValueTask<long> GetHeadAsync(CancellationToken cancellationToken) => inner.GetHeadAsync(cancellationToken);

        public ValueTask<IReadOnlyList<ChangeFeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken) =>
            Broken ? throw new InvalidOperationException("The database is unreachable.") : inner.ReadAsync(after, limit, cancellationToken);
    }
}
