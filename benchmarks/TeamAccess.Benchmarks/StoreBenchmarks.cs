using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.EntityFramework.Tests;
using TeamAccess.Invitations;
using TeamAccess.Members;

namespace TeamAccess.Benchmarks;

/// <summary>
/// The EF Core store's writes, one committed transaction each, on a SQLite file and on PostgreSQL (started from the
/// installed binaries, or TEAMACCESS_POSTGRES_CONNECTION), beside ASP.NET Core Identity's <c>UserManager</c> creating a
/// user and adding a role on the same database as a peer.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class StoreBenchmarks
{
    private const int Teams = 200;

    // Each accept needs a fresh (invitee, team) pair: 200 teams times 50 invitees is far more than a short job runs.
    private const int Invitees = 50;
    private readonly RecordingSender _sender = new();
    private ServiceProvider _provider = null!;
    private Func<ValueTask> _drop = null!;
    private SignUpResult[] _owners = null!;
    private SignUpResult _guest = null!;
    private MembershipId?[] _guestMemberships = null!;
    private MembershipId _changing;
    private SignUpResult[] _invitees = null!;
    private int _invites;
    private int _accepts;
    private int _next;
    private int _round;
    private int _toggle;

    [Params("SQLite", "PostgreSQL")]
    public string Database { get; set; } = "SQLite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var (configure, drop) = await CreateDatabaseAsync();
        _drop = drop;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IInvitationSender>(_sender);
        services.AddTeamAccess().AddIdentityProvider(new BenchIdentityProvider()).AddRelationalStores(configure);
        services.AddDbContext<IdentityDbContext>(configure);
        services.AddIdentityCore<IdentityUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<IdentityDbContext>();
        _provider = services.BuildServiceProvider();
        await _provider.MigrateTeamAccessDatabaseAsync();
        await using (var scope = _provider.CreateAsyncScope())
        {
            // Identity's tables go beside TeamAccess's in the same database (TeamAccess's migrations keep their own history table).
            var identity = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            await identity.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
            await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole("Member"));
        }

        _owners = new SignUpResult[Teams];
        for (var i = 0; i < Teams; i++)
        {
            _owners[i] = await SignUpNextAsync();
        }

        _guest = await SignUpNextAsync();
        _guestMemberships = new MembershipId?[Teams];
        var member = await SignUpNextAsync();
        _changing = (await InScopeAsync(members => members.AddAsync(_owners[0].User.Id, _owners[0].Team.Id, member.User.Id, RolePresets.Member))).Value!.Id;
        _invitees = new SignUpResult[Invitees];
        for (var i = 0; i < Invitees; i++)
        {
            _invitees[i] = await SignUpNextAsync();
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _provider.DisposeAsync();
        await _drop();
    }

    [Benchmark(Description = "Sign up (user + team + owner membership)")]
    public Task<SignUpResult> SignUp() => SignUpNextAsync();

    // Adding the same user twice is refused, so the guest is added to and removed from a round of teams in turn;
    // each team collects one removed membership per round, which keeps its snapshot small.
    [Benchmark(Description = "Add member (alternating with remove)")]
    public async Task<Result<Membership>> AddOrRemoveMember()
    {
        var i = _round++ % Teams;
        var owner = _owners[i];
        Result<Membership> result;
        if (_guestMemberships[i] is { } membership)
        {
            result = await InScopeAsync(members => members.RemoveAsync(owner.User.Id, owner.Team.Id, membership));
            _guestMemberships[i] = null;
        }
        else
        {
            result = await InScopeAsync(members => members.AddAsync(owner.User.Id, owner.Team.Id, _guest.User.Id, RolePresets.Member));
            _guestMemberships[i] = result.Value!.Id;
        }

        return result;
    }

    [Benchmark(Description = "Change role")]
    public Task<Result<Membership>> ChangeRole() =>
        InScopeAsync(members => members.ChangeRoleAsync(_owners[0].User.Id, _owners[0].Team.Id, _changing, _toggle++ % 2 == 0 ? RolePresets.Observer : RolePresets.Member));

    // A new address each time, over the round of teams, so that no team collects more than a few dozen invitations.
    [Benchmark(Description = "Invite one address")]
    public async Task<Result<InviteBatchResult>> InviteOne()
    {
        var owner = _owners[_invites++ % Teams];
        var result = await InviteAsync(owner, $"invite{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}@example.com");
        return result.Succeeded && result.Value!.Outcomes[0].Kind == InviteOutcomeKind.Invited ? result : throw new InvalidOperationException(result.ToString());
    }

    // An invitation works once, so each operation invites an existing user and that user accepts with the token the
    // sender was handed: the cost of the accept alone is this row less "Invite one address".
    [Benchmark(Description = "Invite one address, then accept it")]
    public async Task<Result<Membership>> InviteThenAccept()
    {
        var pair = _accepts++;
        var owner = _owners[pair % Teams];
        var invitee = _invitees[pair / Teams % Invitees];
        var invited = await InviteAsync(owner, invitee.User.Email);
        if (!invited.Succeeded || invited.Value!.Outcomes[0].Kind != InviteOutcomeKind.Invited)
        {
            throw new InvalidOperationException(invited.ToString());
        }

        await using var scope = _provider.CreateAsyncScope();
        var accepted = await scope.ServiceProvider.GetRequiredService<IInvitationService>()
            .AcceptAsync(invitee.User.Id, InvitationKey.FromToken(_sender.Last!.Token));
        return accepted.Succeeded ? accepted : throw new InvalidOperationException(accepted.ToString());
    }

    [Benchmark(Baseline = true, Description = "Identity peer: UserManager.CreateAsync + AddToRoleAsync")]
    public async Task<IdentityResult> IdentityCreateUserAndAddRole()
    {
        await using var scope = _provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var n = Interlocked.Increment(ref _next);
        var user = new IdentityUser($"peer{n}-{Guid.NewGuid():N}@example.com") { Email = $"peer{n}@example.com" };
        var created = await users.CreateAsync(user);
        return created.Succeeded ? await users.AddToRoleAsync(user, "Member") : created;
    }

    /// <summary>One write in its own unit of work, as one request of a host would make it.</summary>
    private async Task<Result<Membership>> InScopeAsync(Func<IMemberService, ValueTask<Result<Membership>>> write)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<IMemberService>());
    }

    private async Task<Result<InviteBatchResult>> InviteAsync(SignUpResult owner, string address)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IInvitationService>()
            .InviteAsync(owner.User.Id, owner.Team.Id, new InviteRequest([address], RolePresets.Member));
    }

    private async Task<SignUpResult> SignUpNextAsync()
    {
        var n = Interlocked.Increment(ref _next);
        var handle = $"bench-{Guid.NewGuid():N}";
        await using var scope = _provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IUserService>()
            .SignUpWithIdentityAsync(new ExternalSignUpRequest(BenchIdentityProvider.ProviderName, $"{handle}@example.com", "Bench", $"Person {n}", "Bench team", handle));
        return result.Value ?? throw new InvalidOperationException(result.ToString());
    }

    /// <summary>
    /// Proves whatever address its "token" is, instantly: sign-up is measured as store work, as the Identity peer's
    /// CreateAsync is, not as a password hash or a signature check (a password sign-up also awaits its activation).
    /// </summary>
    private sealed class BenchIdentityProvider : IIdentityProvider
    {
        public const string ProviderName = "bench-id";

        public string Name => ProviderName;

        public IdentityProviderScope Scope => IdentityProviderScope.Global;

        public bool IsAuthoritativeFor(string domain) => domain == "example.com";

        public ValueTask<Result<ExternalIdentity>> ValidateAsync(string token, string? nonce, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Result<ExternalIdentity>.Ok(new ExternalIdentity(ProviderName, "https://bench.example", token, token, emailVerified: true)));
    }

    private async Task<(Action<DbContextOptionsBuilder> Configure, Func<ValueTask> Drop)> CreateDatabaseAsync()
    {
        if (Database == "PostgreSQL")
        {
            var server = await PostgreSqlServer.SharedAsync();
            var (connection, drop) = await server.CreateDatabaseAsync();
            return (db => db.UseNpgsql(connection), drop);
        }

        var folder = Directory.CreateTempSubdirectory("teamaccess-bench-").FullName;
        var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "teamaccess.db") }.ConnectionString;
        return (db => db.UseSqlite(sqlite), () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Keeps the last message, so that the benchmark can accept with the token a host would have mailed.</summary>
    private sealed class RecordingSender : IInvitationSender
    {
        public InvitationMessage? Last { get; private set; }

        public ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken)
        {
            Last = message;
            return ValueTask.CompletedTask;
        }
    }
}
