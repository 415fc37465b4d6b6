using System.Collections.Immutable;

namespace TeamAccess.EntityFramework.Tests;

public sealed class TeamSnapshotCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Find_AnotherVersionThanTheOneHeld_MissesAndForgetsTheTeam()
    {
        var cache = new TeamSnapshotCache(100);
        var team = Snapshot(members: 3, version: 4);
        cache.Put(team);

        Assert.Same(team, cache.Find(team.Id, 4));
        Assert.Null(cache.Find(team.Id, 5));
        Assert.Null(cache.Find(team.Id, 4));
        Assert.Equal(0, cache.Rows);
    }

    [Fact]
    public void Put_OlderVersionThanTheOneHeld_KeepsTheNewer()
    {
        var cache = new TeamSnapshotCache(100);
        var newer = Snapshot(members: 2, version: 7);
        cache.Put(newer);
        cache.Put(newer with { Team = newer.Team with { Version = 6 } });

        Assert.Same(newer, cache.Find(newer.Id, 7));
    }

    [Fact]
    public void Put_PastTheRowBudget_DropsTheLeastRecentlyUsedAndNeverHoldsATeamLargerThanTheBudget()
    {
        var cache = new TeamSnapshotCache(25);
        var first = Snapshot(members: 9, version: 1);
        var second = Snapshot(members: 9, version: 1);
        cache.Put(first);
        cache.Put(second);
        Assert.NotNull(cache.Find(first.Id, 1));

        // 30 rows held would pass 25: the second, used least recently, leaves.
        var third = Snapshot(members: 9, version: 1);
        cache.Put(third);
        Assert.NotNull(cache.Find(first.Id, 1));
        Assert.Null(cache.Find(second.Id, 1));
        Assert.NotNull(cache.Find(third.Id, 1));
        Assert.Equal(20, cache.Rows);

        var huge = Snapshot(members: 30, version: 1);
        cache.Put(huge);
        Assert.Null(cache.Find(huge.Id, 1));
        Assert.Equal(20, cache.Rows);
    }

    [Fact]
    public void Evict_HeldTeam_IsForgottenAndItsRowsFreed()
    {
        var cache = new TeamSnapshotCache(100);
        var team = Snapshot(members: 5, version: 2);
        cache.Put(team);
        cache.Evict(team.Id);

        Assert.Null(cache.Find(team.Id, 2));
        Assert.Equal(0, cache.Rows);
    }

    private static TeamSnapshot Snapshot(int members, long version)
    {
        var id = new TeamId(Guid.NewGuid());
        var team = new Team(id, "Team", $"team-{id.Value:N}", TeamTier.Free, TeamStatus.Active, Now) { Version = version };
        var memberships = Enumerable.Range(0, members)
            .Select(i => new StoredMembership(new MembershipId(Guid.NewGuid()), id, new UserId(Guid.NewGuid()), $"m{i}@example.com", RolePresets.Member, MembershipStatus.Active, Now))
            .ToImmutableDictionary(m => m.Id);
        return TeamSnapshot.Empty(team) with { Memberships = memberships };
    }
}
