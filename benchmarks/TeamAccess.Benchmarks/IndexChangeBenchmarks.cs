using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TeamAccess.Domain;
using TeamAccess.Index;
using TeamAccess.Writes;

namespace TeamAccess.Benchmarks;

/// <summary>
/// What a write costs the index: one role change in a team of 10 thousand members, compiled whole from the snapshot
/// (start-up load, a caller with no delta) and patched from the write's delta (the write path).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class IndexChangeBenchmarks
{
    private AccessEngine _engine = null!;
    private TeamSnapshot[] _alternating = null!;
    private IndexDelta[] _deltas = null!;
    private long _version = 1;

    [GlobalSetup]
    public void Setup()
    {
        var data = IndexData.Create(100_000);
        _engine = data.BuildEngine();
        var team = data.Teams.First(t => t.Memberships.Count == 20_000);
        var ten = team.Memberships.Take(10_000).ToImmutableDictionary();
        // Version 3: above the 20,000-member team of version 1 that the engine holds, so that this one replaces it (the
        // delta row patches what the engine holds); odd, so that the next snapshot applied is [1], the second.
        var first = team with { Team = team.Team with { Version = 3 }, Memberships = ten };
        var member = ten.Values.First(m => m.Role == RolePresets.Member);
        var second = first with { Memberships = ten.SetItem(member.Id, member with { Role = RolePresets.Observer, SecurityStamp = Guid.NewGuid() }) };
        _alternating = [first, second];
        _engine.Apply(first);
        _version = first.Version;

        // The deltas as the write path makes them (TeamAggregate through ChangeSetBuilder.Build): [0] turns the second
        // snapshot back into the first, [1] the first into the second.
        _deltas = [DeltaOf(second, first, member.Id), DeltaOf(first, second, member.Id)];
    }

    [Benchmark(Description = "Apply one role change, team of 10,000")]
    public void ApplyOneChange()
    {
        var next = _alternating[(int)(_version & 1)];
        _version++;
        _engine.Apply(next with { Team = next.Team with { Version = _version } });
    }

    [Benchmark(Description = "Apply one role change from the write's delta, team of 10,000")]
    public void ApplyOneChangeFromDelta()
    {
        var i = (int)(_version & 1);
        var next = _alternating[i];
        _version++;

        // A fallback to the full rebuild would make this row measure the other one: fail loudly instead.
        if (!_engine.Apply(next with { Team = next.Team with { Version = _version } }, _deltas[i]))
        {
            throw new InvalidOperationException("The delta was not applied incrementally.");
        }
    }

    private static IndexDelta DeltaOf(TeamSnapshot from, TeamSnapshot to, MembershipId changed)
    {
        var builder = new ChangeSetBuilder(null, DateTimeOffset.UnixEpoch);
        builder.Edit(from).PutMembership(to.Memberships[changed], AuditActions.MembershipRoleChanged);
        builder.Build(out var stored);
        return stored[0].Delta ?? throw new InvalidOperationException("A role change made no delta.");
    }
}

/// <summary>The start-up load: every team of 1 million memberships read from the in-memory store into a new index.</summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class StartupLoadBenchmarks
{
    private InMemoryTeamAccessStore _store = null!;
    private RoleCatalog _roles = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = IndexData.Create(1_000_000);
        _roles = data.Roles;
        _store = new InMemoryTeamAccessStore();
        var users = new HashSet<UserId>();
        foreach (var team in data.Teams)
        {
            var committed = new InMemoryChangeStore(_store).CommitAsync(Seed(team, users), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            if (!committed.Succeeded)
            {
                throw new InvalidOperationException(committed.ToString());
            }
        }
    }

    /// <summary>
    /// A team's whole snapshot as the operations that create it, with the users its memberships name that no team seeded
    /// before (a store keeps no membership of a user it does not hold; a person in several teams is created once).
    /// </summary>
    private static ChangeSet Seed(TeamSnapshot team, HashSet<UserId> users)
    {
        var builder = new ChangeSetBuilder(null, team.Team.CreatedAt);
        var created = builder.Create(team.Team);
        foreach (var membership in team.Memberships.Values)
        {
            if (membership.UserId is { } user && users.Add(user))
            {
                builder.CreateUser(new StoredUser(user, membership.Email, "Bench", "Person", team.Team.CreatedAt));
            }

            created.PutMembership(membership, AuditActions.MembershipAdded);
        }

        foreach (var group in team.Groups.Values)
        {
            created.PutGroup(group, AuditActions.GroupCreated);
        }

        foreach (var grant in team.Grants.Values)
        {
            created.PutGrant(grant, AuditActions.GrantGiven);
        }

        return builder.Build(out _);
    }

    [Benchmark(Description = "Load 1,000,000 memberships from the in-memory store")]
    public async Task<int> LoadAll()
    {
        var engine = new AccessEngine(_roles);
        await foreach (var snapshot in new InMemoryTeamStore(_store).LoadAllAsync(CancellationToken.None))
        {
            engine.Apply(snapshot);
        }

        return engine.TeamCount;
    }
}
