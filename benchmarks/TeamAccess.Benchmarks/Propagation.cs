using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;
using TeamAccess.EntityFramework.Tests;
using TeamAccess.Hosting;
using TeamAccess.Members;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Not BenchmarkDotNet (the figure is a latency across two instances, not a method's time): two hosts on one database,
/// each with its own index and follower. A changes a member's role, and the time from A's commit returning to B's
/// answer changing is recorded, for a fixed count of changes. Then the cost of following: the process CPU time of
/// writing 100 changes a second on A alone, and with B following them.
/// </summary>
internal static class Propagation
{
    private static readonly SecurityKey Key = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var server = await PostgreSqlServer.SharedAsync();
        var (connection, drop) = await server.CreateDatabaseAsync();
        try
        {
            await MeasureAsync("PostgreSQL, LISTEN/NOTIFY + polling (bound 1 s)", b => b.AddEntityFrameworkStores(db => db.UseNpgsql(connection)).AddPostgreSqlChangeNotifications(), count);
            await FollowingCostAsync("PostgreSQL", b => b.AddEntityFrameworkStores(db => db.UseNpgsql(connection)).AddPostgreSqlChangeNotifications());
        }
        finally
        {
            await drop();
        }

        var folder = Directory.CreateTempSubdirectory("teamaccess-propagation-").FullName;
        try
        {
            var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "teamaccess.db"), DefaultTimeout = 30 }.ConnectionString;
            await MeasureAsync("SQLite file, polling alone (bound 1 s)", b => b.AddEntityFrameworkStores(db => db.UseSqlite(file)), Math.Min(count, 200));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<ServiceProvider> StartAsync(Action<TeamAccessBuilder> storage)
    {
        var services = new ServiceCollection();
        storage(services.AddTeamAccess(o => o.Sessions.SigningKeys.Add(Key)));
        var provider = services.BuildServiceProvider();
        await provider.MigrateTeamAccessDatabaseAsync();
        await provider.WarmUpTeamAccessAsync();
        return provider;
    }

    private static async Task<(UserId Owner, TeamId Team, UserId Member, MembershipId Membership)> SetUpAsync(ServiceProvider a)
    {
        await using var scope = a.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var owner = (await users.SignUpAsync(new SignUpRequest($"owner-{tag}@example.com", "Owner", "X", "Team", $"team-{tag}") { Password = "correct horse battery staple" })).Value!;
        var member = (await users.SignUpAsync(new SignUpRequest($"member-{tag}@example.com", "Member", "X", "Team", $"member-{tag}") { Password = "correct horse battery staple" })).Value!;
        var added = await scope.ServiceProvider.GetRequiredService<IMemberService>().AddAsync(owner.User.Id, owner.Team.Id, member.User.Id, RolePresets.Administrator);
        return (owner.User.Id, owner.Team.Id, member.User.Id, added.Value!.Id);
    }

    private static async Task MeasureAsync(string label, Action<TeamAccessBuilder> storage, int count)
    {
        await using var a = await StartAsync(storage);
        await using var b = await StartAsync(storage);
        var (owner, team, member, membership) = await SetUpAsync(a);
        var checker = b.GetRequiredService<IAccessChecker>();
        while (!checker.HasPermission(member, team, Permissions.MembersInvite))
        {
            await Task.Delay(1);
        }

        var latencies = new List<double>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count && clock.Elapsed < TimeSpan.FromMinutes(5); i++)
        {
            var role = i % 2 == 0 ? RolePresets.Observer : RolePresets.Administrator;
            var expected = role == RolePresets.Administrator;
            await using (var scope = a.CreateAsyncScope())
            {
                var changed = await scope.ServiceProvider.GetRequiredService<IMemberService>().ChangeRoleAsync(owner, team, membership, role);
                if (!changed.Succeeded)
                {
                    throw new InvalidOperationException(changed.ToString());
                }
            }

            var committed = Stopwatch.GetTimestamp();
            while (checker.HasPermission(member, team, Permissions.MembersInvite) != expected)
            {
                if (Stopwatch.GetElapsedTime(committed) > TimeSpan.FromSeconds(10))
                {
                    throw new TimeoutException("B did not see the change within 10 s.");
                }

                Thread.SpinWait(50);
            }

            latencies.Add(Stopwatch.GetElapsedTime(committed).TotalMilliseconds);
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {latencies.Count} changes, commit on A -> answer on B: p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms"));
    }

    private static async Task FollowingCostAsync(string label, Action<TeamAccessBuilder> storage)
    {
        await using var a = await StartAsync(storage);
        var (owner, team, _, membership) = await SetUpAsync(a);
        var alone = await WriteAtAsync(a, owner, team, membership);
        await using var b = await StartAsync(storage);
        var followed = await WriteAtAsync(a, owner, team, membership);
        var seconds = 10.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: writing 100 changes/s for {seconds} s costs {alone.TotalMilliseconds / seconds / 10:F2}% of one core alone, {followed.TotalMilliseconds / seconds / 10:F2}% with a second instance following: following costs {(followed - alone).TotalMilliseconds / seconds / 10:F2}% of one core"));
    }

    /// <summary>The process CPU time spent while A writes 100 changes a second for 10 seconds.</summary>
    private static async Task<TimeSpan> WriteAtAsync(ServiceProvider a, UserId owner, TeamId team, MembershipId membership)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            await using (var scope = a.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IMemberService>().ChangeRoleAsync(owner, team, membership, i % 2 == 0 ? RolePresets.Observer : RolePresets.Administrator);
            }

            var due = TimeSpan.FromMilliseconds(10 * (i + 1)) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
        }

        process.Refresh();
        return process.TotalProcessorTime - cpu;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
