using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TeamAccess.Domain;
using TeamAccess.Index;
using TeamAccess.ServiceAccounts;
using TeamAccess.Writes;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Issue 23's data: 10,000 teams of 10 people, each with one service account (an Administrator: a Member's role reaches
/// a host's permissions only through grants), and the keys on those accounts.
/// At 100 keys the first 100 teams' accounts hold one each; at 100,000 every account holds 10. The memberships are the
/// same at both sizes (110,000), so the two sizes differ only in the keys the index holds.
/// </summary>
internal sealed class ApiKeyData
{
    public const int Teams = 10_000;
    private const int PeoplePerTeam = 10;

    private ApiKeyData(RoleCatalog roles, List<TeamSnapshot> snapshots, List<(string Key, string Hash, TeamId Team)> keys)
    {
        Roles = roles;
        Snapshots = snapshots;
        Keys = keys;
    }

    public RoleCatalog Roles { get; }

    public List<TeamSnapshot> Snapshots { get; }

    /// <summary>Every key's full text (as a caller sends it), the stored hash of its secret, and its team.</summary>
    public List<(string Key, string Hash, TeamId Team)> Keys { get; }

    public static ApiKeyData Create(int keys)
    {
        var roles = IndexData.CreateRoles();
        var random = new Random(keys);
        var created = DateTimeOffset.UnixEpoch;
        var expires = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var snapshots = new List<TeamSnapshot>(Teams);
        var issued = new List<(string, string, TeamId)>(keys);
        for (var t = 0; t < Teams; t++)
        {
            var team = new Team(new TeamId(NewGuid(random)), "Team", string.Create(CultureInfo.InvariantCulture, $"team-{t}"), TeamTier.Free, TeamStatus.Active, created) { Version = 1 };
            var memberships = ImmutableDictionary.CreateBuilder<MembershipId, StoredMembership>();
            for (var p = 0; p < PeoplePerTeam; p++)
            {
                var role = p == 0 ? RolePresets.Owner : p < 3 ? RolePresets.Administrator : RolePresets.Member;
                var person = new StoredMembership(new MembershipId(NewGuid(random)), team.Id, new UserId(NewGuid(random)), string.Create(CultureInfo.InvariantCulture, $"person{t}-{p}@example.com"), role, MembershipStatus.Active, created);
                memberships.Add(person.Id, person);
            }

            var accountId = new MembershipId(NewGuid(random));
            var account = new StoredMembership(accountId, team.Id, new UserId(NewGuid(random)), $"{accountId.Value:N}@{TeamAggregate.ServiceAccountDomain}", RolePresets.Administrator, MembershipStatus.Active, created)
            {
                ServiceAccountName = "Gateway",
            };
            memberships.Add(account.Id, account);

            var apiKeys = ImmutableDictionary.CreateBuilder<ApiKeyId, StoredApiKey>();
            var perTeam = keys <= Teams ? (t < keys ? 1 : 0) : keys / Teams;
            for (var k = 0; k < perTeam; k++)
            {
                var keyId = new ApiKeyId(NewGuid(random));
                var (text, hash) = ApiKeyFormat.Issue(team.Id, keyId);
                apiKeys.Add(keyId, new StoredApiKey(keyId, team.Id, account.Id, "Gateway key", hash, created, expires));
                issued.Add((text, hash, team.Id));
            }

            snapshots.Add(TeamSnapshot.Empty(team) with { Memberships = memberships.ToImmutable(), ApiKeys = apiKeys.ToImmutable() });
        }

        return issued.Count == keys ? new ApiKeyData(roles, snapshots, issued) : throw new InvalidOperationException($"{issued.Count} keys, not {keys}.");
    }

    public AccessEngine BuildEngine()
    {
        var engine = new AccessEngine(Roles);
        foreach (var snapshot in Snapshots)
        {
            engine.Apply(snapshot);
        }

        return engine;
    }

    /// <summary>An in-memory store holding every team, its memberships and its keys, committed as a write would (one change set per team).</summary>
    public InMemoryTeamAccessStore Seed()
    {
        var store = new InMemoryTeamAccessStore();
        foreach (var snapshot in Snapshots)
        {
            var builder = new ChangeSetBuilder(null, snapshot.Team.CreatedAt);
            var created = builder.Create(snapshot.Team);
            foreach (var membership in snapshot.Memberships.Values)
            {
                // A person's membership needs its user stored; a service account's principal is no user.
                if (!membership.IsServiceAccount)
                {
                    builder.CreateUser(new StoredUser(membership.UserId!.Value, membership.Email, "Bench", "Person", snapshot.Team.CreatedAt));
                }

                created.PutMembership(membership, AuditActions.MembershipAdded);
            }

            // A key is put by the aggregate's own verb only for a key it issues; the seed adds the operations beside.
            var changes = builder.Build(out _);
            var team = changes.Teams[0];
            var withKeys = new ChangeSet(changes.Users, [new TeamChange(team.ExpectedVersion, team.After, [.. team.Operations, .. snapshot.ApiKeys.Values.Select(k => new ApiKeyPut(null, k, AuditActions.ApiKeyCreated))])], changes.AuditEvents)
            {
                AddedLogins = changes.AddedLogins,
                RevokedSessions = changes.RevokedSessions,
                Passkeys = changes.Passkeys,
            };
            var committed = new InMemoryChangeStore(store).CommitAsync(withKeys, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            if (!committed.Succeeded)
            {
                throw new InvalidOperationException(committed.ToString());
            }
        }

        return store;
    }

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}

/// <summary>
/// Issue 23: validating an API key and checking one permission, at 100 and 100,000 keys in the index. The engine rows
/// take the path the TeamAccess scheme takes for <c>Authorization: Bearer ta_...</c>: the key's format (prefix, base32,
/// CRC-32), SHA-256 of its 256-bit secret, the team and key found in the index, the hash compared in constant time,
/// revocation, expiry and the holder's entry, then <c>HasPermission</c> on the holder's entry with the key's narrowing.
/// The floor is what a hand-written key table pays at least: SHA-256 of the key's text and one
/// <see cref="FrozenDictionary{TKey, TValue}"/> lookup of the digest, holding a permission word, plus a bit test.
/// "Random keys" cycle through 4,096 of the keys; the row is per key.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ApiKeyBenchmarks
{
    private const int Probes = 4096;

    private AccessEngine _engine = null!;
    private ApiKeyResolver _resolver = null!;
    private ApiKeyValidator _validator = null!;
    private FrozenDictionary<Guid, ulong> _floor = null!;
    private string _hot = null!;
    private TeamId _hotTeam;
    private string[] _random = null!;
    private Permission _devicesRead;
    private DateTimeOffset _now;

    [Params(100, 100_000)]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = ApiKeyData.Create(Keys);
        _engine = data.BuildEngine();
        _resolver = new ApiKeyResolver(_engine);
        _validator = new ApiKeyValidator(_engine, TimeProvider.System, new ApiKeyUsageRecorder(new InMemoryApiKeyUsageStore(new InMemoryTeamAccessStore())));
        _devicesRead = data.Roles.PermissionCatalog.Get("devices.read");
        _now = DateTimeOffset.UtcNow;

        // The floor's table: the digest of each key's whole text, holding its account's permission word (an Administrator's).
        data.Roles.TryGet(RolePresets.Administrator, out var administrator);
        _floor = data.Keys.ToFrozenDictionary(k => FloorId(k.Key), _ => administrator!.TeamMask);

        (_hot, _, _hotTeam) = data.Keys[data.Keys.Count / 2];
        var random = new Random(42);
        _random = Enumerable.Range(0, Probes).Select(_ => data.Keys[random.Next(data.Keys.Count)].Key).ToArray();

        // Every row must answer yes for every key it probes, or it would measure a refusal.
        if (!Engine_HotKey() || !Validator_HotKey() || !Floor_HotKey() || Engine_RandomKeys() != Probes || Floor_RandomKeys() != Probes)
        {
            throw new InvalidOperationException(
                $"A probe was refused (the benchmark would measure a refusal): resolver {_resolver.Resolve(_hot, _now, out _, out _)}, "
                + $"validator {_validator.Validate(_hot).Code}, engine {Engine_HotKey()}, floor {Floor_HotKey()}, random {Engine_RandomKeys()} and {Floor_RandomKeys()} of {Probes}.");
        }
    }

    [Benchmark(Baseline = true, Description = "Floor: SHA-256 of the key + FrozenDictionary + bit, hot key")]
    public bool Floor_HotKey() => Floor(_hot);

    [Benchmark(Description = "TeamAccess: parse, SHA-256, index, HasPermission, hot key")]
    public bool Engine_HotKey() => Engine(_hot);

    [Benchmark(Description = "TeamAccess: IApiKeyValidator.Validate + principal.HasPermission, hot key")]
    public bool Validator_HotKey() => _validator.Validate(_hot).TryGetValue(out var principal) && principal.HasPermission(_hotTeam, "devices.read");

    [Benchmark(OperationsPerInvoke = Probes, Description = "Floor: SHA-256 of the key + FrozenDictionary + bit, random keys")]
    public int Floor_RandomKeys()
    {
        var allowed = 0;
        foreach (var key in _random)
        {
            if (Floor(key))
            {
                allowed++;
            }
        }

        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Probes, Description = "TeamAccess: parse, SHA-256, index, HasPermission, random keys")]
    public int Engine_RandomKeys()
    {
        var allowed = 0;
        foreach (var key in _random)
        {
            if (Engine(key))
            {
                allowed++;
            }
        }

        return allowed;
    }

    /// <summary>What <see cref="ApiKeyPrincipal.HasPermission(TeamId, string)"/> does once the validator has resolved the key, without the principal object.</summary>
    private bool Engine(string key) =>
        _resolver.Resolve(key, _now, out var team, out var apiKey) == TeamAccessErrorCode.None
        && (_devicesRead.Mask & apiKey!.Mask) != 0
        && _engine.HasPermission(apiKey.Principal, team!.Id, _devicesRead);

    private bool Floor(string key) => _floor.TryGetValue(FloorId(key), out var word) && (word & _devicesRead.Mask) != 0;

    private static Guid FloorId(string key)
    {
        Span<byte> text = stackalloc byte[128];
        var length = Encoding.ASCII.GetBytes(key, text);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(text[..length], digest);
        return new Guid(digest[..16]);
    }
}

/// <summary>
/// Issue 23: the start-up load with 100 and with 100,000 API keys in the store: every team (the same 110,000 memberships
/// at both sizes) read from the in-memory store and compiled into a new index with its keys. The difference between the
/// two rows is what the keys cost the load.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ApiKeyStartupLoadBenchmarks
{
    private InMemoryTeamAccessStore _store = null!;
    private RoleCatalog _roles = null!;

    [Params(100, 100_000)]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = ApiKeyData.Create(Keys);
        _roles = data.Roles;
        _store = data.Seed();
    }

    [Benchmark(Description = "Load 10,000 teams (110,000 memberships) and their API keys from the in-memory store")]
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
