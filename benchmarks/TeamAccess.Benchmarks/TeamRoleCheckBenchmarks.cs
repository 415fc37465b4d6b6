using BenchmarkDotNet.Attributes;
using TeamAccess.Index;

namespace TeamAccess.Benchmarks;

/// <summary>
/// A permission check for a member holding one of the team's own roles beside the same check for the same member holding
/// a catalog role (Administrator), each in an index of 100,000 memberships built from the same data, so the user sits at
/// the same place of the same team's probe table and only the role differs. A team role compiles to the same entry (a
/// role index and a permission word), so the two should cost the same, at team level and on a resource the role reaches
/// everywhere, and neither allocates.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TeamRoleCheckBenchmarks
{
    private AccessEngine _catalogRoles = null!;
    private AccessEngine _teamRoles = null!;
    private (UserId User, TeamId Team) _member;
    private Permission _devicesWrite;

    [GlobalSetup]
    public void Setup()
    {
        var data = IndexData.Create(100_000);
        _catalogRoles = data.BuildEngine();
        _member = data.AddTeamRole();
        _teamRoles = data.BuildEngine();
        _devicesWrite = data.Roles.PermissionCatalog.Get("devices.write");
        if (!_catalogRoles.HasPermission(_member.User, _member.Team, _devicesWrite) || !_teamRoles.HasPermission(_member.User, _member.Team, _devicesWrite)
            || _teamRoles.Explain(_member.User, _member.Team, "devices.write").Role != "Device Operator")
        {
            throw new InvalidOperationException("The member must be allowed through the catalog role in one index and through the team role in the other.");
        }
    }

    [Benchmark(Baseline = true, Description = "Catalog role (Administrator), team level")]
    public bool CatalogRole_TeamLevel() => _catalogRoles.HasPermission(_member.User, _member.Team, _devicesWrite);

    [Benchmark(Description = "Team role, team level")]
    public bool TeamRole_TeamLevel() => _teamRoles.HasPermission(_member.User, _member.Team, _devicesWrite);

    [Benchmark(Description = "Catalog role (Administrator), on a resource")]
    public bool CatalogRole_Resource() => _catalogRoles.HasPermission(_member.User, _member.Team, _devicesWrite, IndexData.HotResource);

    [Benchmark(Description = "Team role, on a resource")]
    public bool TeamRole_Resource() => _teamRoles.HasPermission(_member.User, _member.Team, _devicesWrite, IndexData.HotResource);
}
