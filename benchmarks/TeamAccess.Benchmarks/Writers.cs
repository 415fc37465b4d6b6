using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.EntityFramework.Tests;
using TeamAccess.Members;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Concurrent writers on one database: each writer changes roles in its own team of 10 (no two writers share a team, so
/// no version conflicts) for a fixed time, and the run reports commits per second and the median and 99th-percentile
/// latency; then the same number of Identity peer writers (UserManager.CreateAsync + AddToRoleAsync) on the same
/// database. Every commit on PostgreSQL takes the change feed's transaction-level advisory lock to number its feed entry
/// and audit rows; this shows what that serialization costs as writers are added. Not BenchmarkDotNet: a bounded load,
/// one process, on loopback. Usage: <c>writers [writer counts, e.g. 1,4,16] [seconds per step] [PostgreSQL|SQLite]</c>.
/// </summary>
internal static class Writers
{
    public static async Task RunAsync(string[] args)
    {
        var counts = args.Length > 1 ? args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1, 4, 16];
        var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var database = args.Length > 3 ? args[3] : "PostgreSQL";
        var shape = new SeedShape(Teams: 1_000, MembersPerTeam: 10);
        if (counts.Any(c => c < 1 || c >= shape.Teams))
        {
            throw new ArgumentException($"Each writer count must be 1 to {shape.Teams - 1}: every writer has a seeded team of its own.", nameof(args));
        }

        var (configure, drop) = await BenchDatabase.CreateAsync(database, "teamaccess-writers-");
        try
        {
            await BenchDatabase.MigrateAndSeedAsync(configure, shape);
            await using var provider = await BenchDatabase.BuildWithIdentityPeerAsync(configure);
            await provider.WarmUpTeamAccessAsync();
            Console.WriteLine($"| Database | Writers | TeamAccess change role: commits/s | p50 (ms) | p99 (ms) | Identity peer: creates/s | p50 (ms) | p99 (ms) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var next = 0;
            foreach (var count in counts)
            {
                var role = await RunStepAsync(count, seconds, async (writer, round) =>
                {
                    var team = writer + 1;
                    await using var scope = provider.CreateAsyncScope();
                    var members = scope.ServiceProvider.GetRequiredService<IMemberService>();
                    var result = await members.ChangeRoleAsync(BulkSeeder.UserIdOf(team, 0), BulkSeeder.TeamIdOf(team), BulkSeeder.MembershipIdOf(team, 3), round % 2 == 0 ? RolePresets.Observer : RolePresets.Member);
                    return result.Succeeded ? true : throw new InvalidOperationException(result.ToString());
                });
                var peer = await RunStepAsync(count, seconds, async (_, _) =>
                {
                    var done = await BenchDatabase.PeerCreateAsync(provider, Interlocked.Increment(ref next));
                    return done.Succeeded ? true : throw new InvalidOperationException(string.Join(", ", done.Errors.Select(e => e.Code)));
                });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {database} | {count} | {role.PerSecond:F0} | {role.P50:F2} | {role.P99:F2} | {peer.PerSecond:F0} | {peer.P50:F2} | {peer.P99:F2} |"));
            }
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>Runs <paramref name="writers"/> loops of <paramref name="operation"/> side by side for the given time, after one warm-up round each.</summary>
    private static async Task<(double PerSecond, double P50, double P99)> RunStepAsync(int writers, double seconds, Func<int, int, Task<bool>> operation)
    {
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => operation(w, 0)));
        var latencies = new List<double>[writers];
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var own = latencies[w] = [];
            for (var round = 1; clock.Elapsed < until; round++)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(w, round);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return (all.Count / elapsed, all[all.Count / 2], all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))]);
    }
}
