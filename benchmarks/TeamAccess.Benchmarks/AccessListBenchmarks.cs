using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using TeamAccess.Index;

namespace TeamAccess.Benchmarks;

/// <summary>
/// The "who can" and "what can" lists (<see cref="IAccessQueries"/>): a page of 100 from a team of 20,000 members in the
/// engine of the 1-million-membership data, beside the check it must agree with (<see cref="IAccessChecker.HasPermission(UserId, TeamId, Permission, string)"/>).
/// The team gets a group of 5,000 Members and Observers with a grant on <c>line-1</c>, direct grants on <c>line-1</c> to
/// 2,000 other Members, and one Member with direct grants on 1,000 devices. "First page" starts at the beginning;
/// "middle page" continues from a cursor half-way through. The lists' key orders are built on the first list of an index
/// version and kept until the team is rebuilt: the last two rows give that cost (a rebuild alone, and a rebuild followed
/// by one page of each list).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AccessListBenchmarks
{
    private const string Line = "line-1";
    private const int PageSize = 100;

    private AccessEngine _engine = null!;
    private AccessQueries _queries = null!;
    private TeamSnapshot _team = null!;
    private UserId _owner;
    private UserId _member;
    private Permission _devicesRead;
    private Permission _devicesWrite;
    private string _middleOfHolders = null!;
    private string _middleOfResources = null!;
    private long _version;

    [GlobalSetup]
    public void Setup()
    {
        var data = IndexData.Create(1_000_000);
        var index = data.Teams.FindIndex(t => t.Memberships.Count == 20_000);
        var team = data.Teams[index];
        var byEmail = team.Memberships.Values.OrderBy(m => m.Email, StringComparer.Ordinal).ToArray();
        var owner = byEmail.Single(m => m.Role == RolePresets.Owner);
        var scoped = byEmail.Where(m => m.Role is RolePresets.Member or RolePresets.Observer).ToArray();
        var members = byEmail.Where(m => m.Role == RolePresets.Member).ToArray();
        var member = members[^1];

        var group = new Group(GroupId.New(), team.Id, "Line crew", "line-crew", [.. scoped.Take(5_000).Select(m => m.Id)]);
        var grants = ImmutableDictionary.CreateBuilder<GrantId, Grant>();
        void Give(GrantSubject subject, string resource, params string[] permissions)
        {
            var grant = new Grant(GrantId.New(), team.Id, subject, resource, [.. permissions], owner.UserId!.Value);
            grants.Add(grant.Id, grant);
        }

        Give(GrantSubject.ForGroup(group.Id), Line, "devices.read", "devices.write");
        foreach (var direct in members.Where(m => !group.Members.Contains(m.Id)).Take(2_000))
        {
            Give(GrantSubject.ForMembership(direct.Id), Line, "devices.read");
        }

        for (var device = 0; device < 1_000; device++)
        {
            Give(GrantSubject.ForMembership(member.Id), string.Create(CultureInfo.InvariantCulture, $"device-{device:D4}"), "devices.read");
        }

        _team = team with { Groups = team.Groups.Add(group.Id, group), Grants = grants.ToImmutable() };
        data.Teams[index] = _team;
        _engine = data.BuildEngine();
        _queries = new AccessQueries(_engine);
        _owner = owner.UserId!.Value;
        _member = member.UserId!.Value;
        _devicesRead = data.Roles.PermissionCatalog.Get("devices.read");
        _devicesWrite = data.Roles.PermissionCatalog.Get("devices.write");
        _version = _team.Version;

        _middleOfHolders = Middle(cursor => _queries.ListUsersWithPermission(_owner, _team.Id, "devices.read", Line, new AccessPageRequest(cursor, PageSize)).Value!.Next);
        _middleOfResources = Middle(cursor => _queries.ListResources(_owner, _member, _team.Id, "devices.read", new AccessPageRequest(cursor, PageSize)).Value!.Next);
    }

    [Benchmark(Baseline = true, Description = "Peer: HasPermission on a resource, via a direct grant")]
    public bool Peer_HasPermissionOnResource() => _engine.HasPermission(_member, _team.Id, _devicesRead, "device-0500");

    [Benchmark(Description = "Peer: HasPermission, team level")]
    public bool Peer_HasPermissionTeamLevel() => _engine.HasPermission(_owner, _team.Id, _devicesWrite);

    [Benchmark(Description = "ListUsersWithPermission on line-1, first page of 100")]
    public PermissionHolderPage? Holders_FirstPage() =>
        _queries.ListUsersWithPermission(_owner, _team.Id, "devices.read", Line, new AccessPageRequest(null, PageSize)).Value;

    [Benchmark(Description = "ListUsersWithPermission on line-1, middle page of 100 (cursor)")]
    public PermissionHolderPage? Holders_MiddlePage() =>
        _queries.ListUsersWithPermission(_owner, _team.Id, "devices.read", Line, new AccessPageRequest(_middleOfHolders, PageSize)).Value;

    [Benchmark(Description = "ListUsersWithPermission, team level (Owner and Administrators, 10%), first page of 100")]
    public PermissionHolderPage? Holders_TeamLevelFirstPage() =>
        _queries.ListUsersWithPermission(_owner, _team.Id, Permissions.MembersManage, null, new AccessPageRequest(null, PageSize)).Value;

    [Benchmark(Description = "ListResources of a Member with 1,000 devices, first page of 100")]
    public ResourcePage? Resources_FirstPage() =>
        _queries.ListResources(_owner, _member, _team.Id, "devices.read", new AccessPageRequest(null, PageSize)).Value;

    [Benchmark(Description = "ListResources of a Member with 1,000 devices, middle page of 100 (cursor)")]
    public ResourcePage? Resources_MiddlePage() =>
        _queries.ListResources(_owner, _member, _team.Id, "devices.read", new AccessPageRequest(_middleOfResources, PageSize)).Value;

    [Benchmark(Description = "GetPermissions on a resource")]
    public PermissionSet? Permissions_OnResource() => _queries.GetPermissions(_owner, _member, _team.Id, "device-0500").Value;

    [Benchmark(Description = "GetPermissions, team level")]
    public PermissionSet? Permissions_TeamLevel() => _queries.GetPermissions(_owner, _member, _team.Id).Value;

    [Benchmark(Description = "Rebuild the team's index (Apply), no list")]
    public void Rebuild() => _engine.Apply(_team with { Team = _team.Team with { Version = ++_version } });

    [Benchmark(Description = "Rebuild the team's index, then a first page of each list (builds the key orders)")]
    public int RebuildThenFirstPages()
    {
        _engine.Apply(_team with { Team = _team.Team with { Version = ++_version } });
        return Holders_FirstPage()!.Holders.Count + Resources_FirstPage()!.Resources.Count;
    }

    /// <summary>The cursor half-way through a list, found by reading it page by page.</summary>
    private static string Middle(Func<string?, string?> next)
    {
        var cursors = new List<string>();
        for (var cursor = next(null); cursor is not null; cursor = next(cursor))
        {
            cursors.Add(cursor);
        }

        return cursors.Count == 0 ? throw new InvalidOperationException("The list has one page only.") : cursors[cursors.Count / 2];
    }
}
