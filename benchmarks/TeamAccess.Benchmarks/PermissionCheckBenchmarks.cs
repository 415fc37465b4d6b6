using System.Collections.Frozen;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Index;

namespace TeamAccess.Benchmarks;

/// <summary>
/// One permission check at 1 thousand, 100 thousand and 1 million memberships, beside the practical limit (a
/// FrozenDictionary keyed by (user, team) holding a permission word, plus a bit test) and the peers a host would
/// otherwise use: ASP.NET Core's IAuthorizationService with a role policy, ClaimsPrincipal.IsInRole, and a LINQ scan
/// over the in-memory store's memberships. "Random" benchmarks cycle through 4,096 random existing (user, team) pairs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PermissionCheckBenchmarks
{
    private const int Probes = 4096;

    private AccessEngine _engine = null!;
    private FrozenDictionary<(UserId, TeamId), ulong> _frozen = null!;
    private (UserId User, TeamId Team)[] _randomKeys = null!;
    private (UserId User, TeamId Team) _hot;
    private (UserId User, TeamId Team) _hotObserver;
    private (UserId User, TeamId Team) _granted;
    private List<StoredMembership> _allMemberships = null!;
    private Permission _devicesWrite;
    private Permission _devicesRead;
    private ClaimsPrincipal _principal = null!;
    private IAuthorizationService _authorization = null!;

    [Params(1_000, 100_000, 1_000_000)]
    public int Memberships { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = IndexData.Create(Memberships);
        _granted = data.AddGrants();
        _engine = data.BuildEngine();
        _devicesWrite = data.Roles.PermissionCatalog.Get("devices.write");
        _devicesRead = data.Roles.PermissionCatalog.Get("devices.read");

        var words = new Dictionary<(UserId, TeamId), ulong>(data.Keys.Count);
        foreach (var (user, team, role) in data.Keys)
        {
            data.Roles.TryGet(role, out var r);
            words[(user, team)] = r!.Mask;
        }

        _frozen = words.ToFrozenDictionary();
        var random = new Random(42);
        _randomKeys = Enumerable.Range(0, Probes).Select(_ => data.Keys[random.Next(data.Keys.Count)]).Select(k => (k.User, k.Team)).ToArray();
        var administrator = data.Keys.First(k => k.Role == RolePresets.Administrator);
        _hot = (administrator.User, administrator.Team);
        var observer = data.Keys.First(k => k.Role == RolePresets.Observer);
        _hotObserver = (observer.User, observer.Team);
        _allMemberships = data.Teams.SelectMany(t => t.Memberships.Values).ToList();

        _principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada"), new Claim(ClaimTypes.Role, RolePresets.Administrator)], "bench"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationCore(o => o.AddPolicy("devices.write", p => p.RequireRole(RolePresets.Owner, RolePresets.Administrator)));
        _authorization = services.BuildServiceProvider().GetRequiredService<IAuthorizationService>();
    }

    [Benchmark(Baseline = true, Description = "FrozenDictionary + bit, hot key")]
    public bool Frozen_HotKey() => _frozen.TryGetValue(_hot, out var word) && (word & _devicesWrite.Mask) != 0;

    [Benchmark(Description = "TeamAccess check, hot key, allowed")]
    public bool Engine_HotAllowed() => _engine.HasPermission(_hot.User, _hot.Team, _devicesWrite);

    [Benchmark(Description = "TeamAccess check, hot key, denied (Observer writes)")]
    public bool Engine_HotDenied() => _engine.HasPermission(_hotObserver.User, _hotObserver.Team, _devicesWrite);

    [Benchmark(Description = "TeamAccess handle, resolved once, one bit test")]
    public bool Engine_HandleCheck() => _engine.Resolve(_hot.User, _hot.Team).Has(_devicesWrite);

    [Benchmark(OperationsPerInvoke = Probes, Description = "FrozenDictionary + bit, random keys")]
    public int Frozen_RandomKeys()
    {
        var allowed = 0;
        foreach (var (user, team) in _randomKeys)
        {
            if (_frozen.TryGetValue((user, team), out var word) && (word & _devicesRead.Mask) != 0)
            {
                allowed++;
            }
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Probes, Description = "TeamAccess check, random keys")]
    public int Engine_RandomKeys()
    {
        var allowed = 0;
        foreach (var (user, team) in _randomKeys)
        {
            if (_engine.HasPermission(user, team, _devicesRead))
            {
                allowed++;
            }
        }

        return allowed;
    }

    [Benchmark(Description = "TeamAccess check, resource via direct grant")]
    public bool Engine_ResourceDirectGrant() => _engine.HasPermission(_granted.User, _granted.Team, _devicesWrite, IndexData.HotResource);

    [Benchmark(Description = "TeamAccess check, resource via group grant")]
    public bool Engine_ResourceGroupGrant() => _engine.HasPermission(_granted.User, _granted.Team, _devicesWrite, IndexData.GroupResource);

    [Benchmark(Description = "TeamAccess check, unknown user")]
    public bool Engine_UnknownUser() => _engine.HasPermission(default, _hot.Team, _devicesWrite);

    [Benchmark(Description = "Peer: ClaimsPrincipal.IsInRole")]
    public bool Peer_IsInRole() => _principal.IsInRole(RolePresets.Administrator);

    [Benchmark(Description = "Peer: IAuthorizationService, role policy")]
    public async Task<bool> Peer_AuthorizationService() => (await _authorization.AuthorizeAsync(_principal, "devices.write")).Succeeded;

    [Benchmark(Description = "Peer: naive LINQ over the store's memberships")]
    public bool Peer_NaiveLinq() => _allMemberships.Any(m => m.UserId == _hot.User && m.TeamId == _hot.Team && m.Status == MembershipStatus.Active
        && (m.Role == RolePresets.Owner || m.Role == RolePresets.Administrator));
}
