using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.EntityFramework.Tests;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.Provisioning;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Issue 25: what a SCIM directory asks of <see cref="IProvisioningService"/> (the service behind
/// <c>MapTeamAccessScim</c>, called as the directory's service account) in a team of 10,000 members on SQLite and
/// PostgreSQL (bulk seeded), beside the equivalent path of a team admin in the same run. Each pair is its own category
/// with its own baseline (the admin's path):
/// <list type="bullet">
/// <item>create: provisioning one person (an address outside a verified domain, so invited with the directory's origin
/// and externalId) beside <c>InviteAsync</c> of one address with the same role (Observer, what a directory gives);</item>
/// <item>page: a page of 100 directory members (SCIM <c>startIndex</c>=1, <c>count</c>=100) beside the Users page of 100
/// (<c>ListPageAsync</c>); and the last page of the 10,000 by <c>startIndex</c> (SCIM pages by offset);</item>
/// <item>deactivate: SCIM's <c>active</c> set to false and back (alternating) beside <c>DeactivateAsync</c> and
/// <c>ReactivateAsync</c> (alternating) of another member.</item>
/// </list>
/// Each provisioned or invited address is new, so the team grows by one invitation per operation of the create rows.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ScimBenchmarks
{
    private const int TeamSize = 10_000;
    private ServiceProvider _provider = null!;
    private Func<ValueTask> _drop = null!;
    private TeamId _team;
    private UserId _owner;
    private UserId _directory;
    private MembershipId _scimTarget;
    private MembershipId _adminTarget;
    private int _next;
    private int _scimToggle;
    private int _adminToggle;

    [Params("SQLite", "PostgreSQL")]
    public string Database { get; set; } = "SQLite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var (configure, drop) = await BenchDatabase.CreateAsync(Database, "teamaccess-scim-");
        _drop = drop;

        // Seeded team 0 has 10 members; team 1 (the large team) has 10,000, member 0 its Owner.
        var shape = new SeedShape(Teams: 1, MembersPerTeam: 10, LargeTeamMembers: TeamSize);
        await BenchDatabase.MigrateAndSeedAsync(configure, shape);
        _provider = await BenchDatabase.BuildWithIdentityPeerAsync(configure, services =>
        {
            services.AddLogging();
            services.AddSingleton<IInvitationSender, DiscardingSender>();

            // Both rows invite one address per operation into one team: the daily send budget out of the way.
            services.Configure<TeamAccessOptions>(o => o.Invitations.MaxMessagesPerTeamPerDay = 100_000);
        });
        await _provider.WarmUpTeamAccessAsync();
        _team = BulkSeeder.TeamIdOf(shape.Teams);
        _owner = BulkSeeder.UserIdOf(shape.Teams, 0);
        _scimTarget = BulkSeeder.MembershipIdOf(shape.Teams, 3);
        _adminTarget = BulkSeeder.MembershipIdOf(shape.Teams, 4);

        // The directory: a service account a guardian made with directory.provision (an Administrator's role).
        await using (var scope = _provider.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<IServiceAccountService>()
                .CreateAsync(_owner, _team, new CreateServiceAccountRequest("Directory", RolePresets.Administrator));
            _directory = created.Value?.PrincipalId ?? throw new InvalidOperationException(created.ToString());
        }

        var page = await Scim_PageOf100();
        if (page.Users.Count != 100 || page.Total < TeamSize || (await Scim_LastPageOf100()).Users.Count == 0)
        {
            throw new InvalidOperationException($"The directory lists {page.Users.Count} of {page.Total}.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _provider.DisposeAsync();
        await _drop();
    }

    [BenchmarkCategory("Create one person"), Benchmark(Baseline = true, Description = "Admin: InviteAsync, one address (Observer)")]
    public async Task<Result<InviteBatchResult>> Admin_InviteOne()
    {
        await using var scope = _provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IInvitationService>()
            .InviteAsync(_owner, _team, new InviteRequest([NextAddress("invited")], RolePresets.Observer));
        return result.Succeeded && result.Value!.Outcomes[0].Kind == InviteOutcomeKind.Invited ? result : throw new InvalidOperationException(result.ToString());
    }

    [BenchmarkCategory("Create one person"), Benchmark(Description = "SCIM: ProvisionAsync, one person (POST /Users)")]
    public async Task<DirectoryUser> Scim_ProvisionOne()
    {
        await using var scope = _provider.CreateAsyncScope();
        var address = NextAddress("provisioned");
        var result = await scope.ServiceProvider.GetRequiredService<IProvisioningService>()
            .ProvisionAsync(_directory, _team, new DirectoryUserRequest(address) { ExternalId = address, FirstName = "Pro", LastName = "Visioned" });
        return result.Value ?? throw new InvalidOperationException(result.ToString());
    }

    [BenchmarkCategory("Page of 100"), Benchmark(Baseline = true, Description = "Admin: ListPageAsync, first page of 100")]
    public async Task<MemberPage> Admin_PageOf100()
    {
        await using var scope = _provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMemberService>().ListPageAsync(_owner, _team, new MemberQuery { PageSize = 100 });
        return result.Value ?? throw new InvalidOperationException(result.ToString());
    }

    [BenchmarkCategory("Page of 100"), Benchmark(Description = "SCIM: ListAsync, startIndex 1, count 100 (GET /Users)")]
    public Task<DirectoryUserPage> Scim_PageOf100() => ListAsync(1);

    [BenchmarkCategory("Page of 100"), Benchmark(Description = "SCIM: ListAsync, startIndex 9,901, count 100")]
    public Task<DirectoryUserPage> Scim_LastPageOf100() => ListAsync(TeamSize - 99);

    [BenchmarkCategory("Deactivate"), Benchmark(Baseline = true, Description = "Admin: DeactivateAsync / ReactivateAsync, alternating")]
    public async Task<Membership> Admin_Deactivate()
    {
        await using var scope = _provider.CreateAsyncScope();
        var members = scope.ServiceProvider.GetRequiredService<IMemberService>();
        var result = _adminToggle++ % 2 == 0
            ? await members.DeactivateAsync(_owner, _team, _adminTarget)
            : await members.ReactivateAsync(_owner, _team, _adminTarget);
        return result.Value ?? throw new InvalidOperationException(result.ToString());
    }

    [BenchmarkCategory("Deactivate"), Benchmark(Description = "SCIM: UpdateAsync active=false / true, alternating (PATCH /Users/{id})")]
    public async Task<DirectoryUser> Scim_Deactivate()
    {
        await using var scope = _provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IProvisioningService>()
            .UpdateAsync(_directory, _team, _scimTarget, new DirectoryUserChange { Active = _scimToggle++ % 2 != 0 });
        return result.Value ?? throw new InvalidOperationException(result.ToString());
    }

    private async Task<DirectoryUserPage> ListAsync(int startIndex)
    {
        await using var scope = _provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IProvisioningService>()
            .ListAsync(_directory, _team, new DirectoryUserQuery { StartIndex = startIndex, Count = 100 });
        return result.Value ?? throw new InvalidOperationException(result.ToString());
    }

    private string NextAddress(string kind) => $"{kind}{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}@elsewhere.example";

    private sealed class DiscardingSender : IInvitationSender
    {
        public ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
