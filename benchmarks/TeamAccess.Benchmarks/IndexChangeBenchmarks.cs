using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace TeamAccess.Benchmarks;

/// <summary>What a write costs the index: one role change in a team of 10 thousand members (the whole team's index is rebuilt, nothing else).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class IndexChangeBenchmarks
{
    private AccessEngine _engine = null!;
    private TeamSnapshot[] _alternating = null!;
    private long _version = 1;

    [GlobalSetup]
    public void Setup()
    {
        var data = IndexData.Create(100_000);
        _engine = data.BuildEngine();
        var team = data.Teams.First(t => t.Memberships.Count == 20_000);
        var ten = team.Memberships.Take(10_000).ToImmutableDictionary();
        var first = team with { Memberships = ten };
        var member = ten.Values.First(m => m.Role == RolePresets.Member);
        var second = first with { Memberships = ten.SetItem(member.Id, member with { Role = RolePresets.Observer, SecurityStamp = Guid.NewGuid() }) };
        _alternating = [first, second];
        _engine.Apply(first);
    }

    [Benchmark(Description = "Apply one role change, team of 10,000")]
    public void ApplyOneChange()
    {
        var next = _alternating[(int)(_version & 1)];
        _version++;
        _engine.Apply(next with { Team = next.Team with { Version = _version } });
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
        foreach (var team in data.Teams)
        {
            var committed = _store.CommitAsync(new ChangeSet([], [new TeamChange(null, team)], []), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            if (!committed.Succeeded)
            {
                throw new InvalidOperationException(committed.ToString());
            }
        }
    }

    [Benchmark(Description = "Load 1,000,000 memberships from the in-memory store")]
    public async Task<int> LoadAll()
    {
        var engine = new AccessEngine(_roles);
        await foreach (var snapshot in _store.LoadAllAsync(CancellationToken.None))
        {
            engine.Apply(snapshot);
        }

        return engine.TeamCount;
    }
}
