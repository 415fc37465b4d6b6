using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.EntityFramework.Tests;
using TeamAccess.Invitations;
using TeamAccess.Members;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Not BenchmarkDotNet (each size needs a database of a million memberships, seeded once, not once per method and
/// process): for each database and size, the bulk seed, the start-up load with its peak managed memory, then medians of
/// the Users page, of paging through a 10,000-member team, of a role change in a team of 10 and in the team of 10,000,
/// and of the Identity peer (UserManager.CreateAsync + AddToRoleAsync) on the same database in the same run.
/// </summary>
internal static class Scale
{
    private const int Rounds = 21;

    public static async Task RunAsync(string[] args)
    {
        var sizes = args.Length > 1 ? args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [10_000, 1_000_000];
        var databases = args.Length > 2 ? args[2].Split(',') : ["PostgreSQL", "SQLite"];
        foreach (var database in databases)
        {
            foreach (var size in sizes)
            {
                await MeasureAsync(database, size);
            }
        }
    }

    private static async Task MeasureAsync(string database, int memberships)
    {
        // A team of 10,000, and teams of 10 for the rest.
        var shape = new SeedShape(Teams: Math.Max(1, (memberships - 10_000) / 10), MembersPerTeam: 10, LargeTeamMembers: 10_000);
        var (configure, drop) = await BenchDatabase.CreateAsync(database, "teamaccess-scale-");
        try
        {
            var seeded = await BenchDatabase.MigrateAndSeedAsync(configure, shape);
            await using var provider = await BenchDatabase.BuildWithIdentityPeerAsync(configure);
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                    await Task.Delay(20);
                }
            });
            var clock = Stopwatch.StartNew();
            await provider.WarmUpTeamAccessAsync();
            var load = clock.Elapsed;
            await sampling.CancelAsync();
            await sampler;
            peak -= before;
            var held = GC.GetTotalMemory(forceFullCollection: true) - before;

            var large = BulkSeeder.TeamIdOf(shape.Teams);
            var largeOwner = BulkSeeder.UserIdOf(shape.Teams, 0);
            var small = BulkSeeder.TeamIdOf(shape.Teams / 2);
            var smallOwner = BulkSeeder.UserIdOf(shape.Teams / 2, 0);
            var toggle = 0;
            var next = 0;

            var page = await MedianAsync(() => Members(provider, m => m.ListPageAsync(largeOwner, large, new MemberQuery { PageSize = 100 })));
            var all = await MedianAsync(
                async () =>
                {
                    var query = new MemberQuery { PageSize = 100 };
                    var count = 0;
                    while (true)
                    {
                        var result = (await Members(provider, m => m.ListPageAsync(largeOwner, large, query))).Value!;
                        count += result.Members.Count;
                        if (result.Next is not { } after)
                        {
                            return count >= 10_000 ? count : throw new InvalidOperationException($"{count} members");
                        }

                        query = new MemberQuery { PageSize = 100, After = after };
                    }
                },
                rounds: 5);
            var smallRole = await MedianAsync(() => Members(provider, m => m.ChangeRoleAsync(smallOwner, small, BulkSeeder.MembershipIdOf(shape.Teams / 2, 3), toggle++ % 2 == 0 ? RolePresets.Observer : RolePresets.Member)));
            var largeRole = await MedianAsync(() => Members(provider, m => m.ChangeRoleAsync(largeOwner, large, BulkSeeder.MembershipIdOf(shape.Teams, 3), toggle++ % 2 == 0 ? RolePresets.Observer : RolePresets.Member)));
            var invited = 0;
            var smallInvite = await MedianAsync(() => Invite(provider, smallOwner, small, $"small{Interlocked.Increment(ref invited)}@invited.example"));
            var largeInvite = await MedianAsync(() => Invite(provider, largeOwner, large, $"large{Interlocked.Increment(ref invited)}@invited.example"));
            var peer = await MedianAsync(() => BenchDatabase.PeerCreateAsync(provider, Interlocked.Increment(ref next)));

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {database} | {shape.ActiveMemberships:N0} | {seeded.Rows:N0} rows in {seeded.Elapsed.TotalSeconds:F1} s | {load.TotalSeconds:F2} s, peak {peak / 1048576.0:F0} MB, {held / 1048576.0:F0} MB held | {page} | {all} | {smallRole} | {largeRole} | {smallInvite} | {largeInvite} | {peer} |"));
        }
        finally
        {
            await drop();
        }
    }

    private static async Task<T> Members<T>(IServiceProvider provider, Func<IMemberService, ValueTask<T>> call)
    {
        await using var scope = provider.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<IMemberService>());
    }

    private static async Task<Result<InviteBatchResult>> Invite(IServiceProvider provider, UserId owner, TeamId team, string address)
    {
        await using var scope = provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IInvitationService>().InviteAsync(owner, team, new InviteRequest([address], RolePresets.Member));
        return result.Succeeded && result.Value!.Outcomes[0].Kind == InviteOutcomeKind.Invited ? result : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>
    /// The median time of the rounds, and the bytes allocated per round in the whole process (the change-feed follower
    /// and the database driver included), as "ms (KB)".
    /// </summary>
    private static async Task<string> MedianAsync<T>(Func<Task<T>> operation, int rounds = Rounds)
    {
        await operation();
        var times = new List<double>();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await operation();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var perRound = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)rounds;
        times.Sort();
        var median = times[times.Count / 2];
        return string.Create(CultureInfo.InvariantCulture, $"{(median >= 100 ? median.ToString("F0", CultureInfo.InvariantCulture) : median.ToString("F2", CultureInfo.InvariantCulture))} ({perRound / 1024:F0} KB)");
    }
}
