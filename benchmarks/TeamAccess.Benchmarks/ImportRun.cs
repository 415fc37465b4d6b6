using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;
using TeamAccess.EntityFramework.Tests;
using TeamAccess.Import;
using TeamAccess.Invitations;
using TeamAccess.Teams;

namespace TeamAccess.Benchmarks;

/// <summary>
/// Not BenchmarkDotNet (one run of a million rows is the measurement): imports <c>rows</c> memberships of new users
/// (no password: the cheap path, no hashing) into <c>teams</c> teams of equal size through <see cref="IImportService"/>,
/// on a fresh database, and reports rows per second, the total time and the peak memory. Beside it the peer: the same
/// kind of row added one by one through the normal service (<see cref="IInvitationService.InviteAsync"/>, one address
/// per call, into one team growing to the sample's size), measured on a sample and extrapolated to the row count.
/// Usage: <c>import [rows] [teams] [PostgreSQL|SQLite] [peer sample]</c>.
/// </summary>
internal static class ImportRun
{
    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var teams = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var database = args.Length > 3 ? args[3] : "PostgreSQL";
        var sample = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10_000;
        var (configure, drop) = await BenchDatabase.CreateAsync(database, "teamaccess-import-");
        try
        {
            var services = new ServiceCollection();
            services.AddSingleton<IInvitationSender, NullSender>();
            services.AddTeamAccess(o => o.Invitations.MaxMessagesPerTeamPerDay = 100_000).AddRelationalStores(configure);
            await using var provider = services.BuildServiceProvider();
            await provider.MigrateTeamAccessDatabaseAsync();
            await provider.WarmUpTeamAccessAsync();
            SignUpResult owner;
            var handles = new string[teams];
            await using (var scope = provider.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<IUserService>();
                owner = (await users.SignUpAsync(new SignUpRequest("owner@import.example", "Owner", "Importer", "Home", "home-team") { Password = "a long passphrase nobody guesses" })).Value!;
                for (var t = 0; t < teams; t++)
                {
                    handles[t] = $"import-{t}";
                    var created = await scope.ServiceProvider.GetRequiredService<ITeamService>().CreateAsync(owner.User.Id, $"Import {t}", handles[t]);
                    if (!created.Succeeded)
                    {
                        throw new InvalidOperationException(created.ToString());
                    }
                }
            }

            var (counts, elapsed, peak) = await MeasureAsync(async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<IImportService>();
                long created = 0;
                long refused = 0;
                var request = new ImportRequest { ImportId = "benchmark", BatchSize = 5_000, ExpectedRowCount = rows };
                await foreach (var outcome in importer.ImportAsync(owner.User.Id, request, Rows(rows, rows / teams, handles)))
                {
                    created += outcome.Kind == ImportOutcomeKind.Created ? 1 : 0;
                    refused += outcome.Kind == ImportOutcomeKind.Refused ? 1 : 0;
                }

                return (created, refused);
            });
            if (counts.refused > 0 || counts.created != rows)
            {
                throw new InvalidOperationException($"{counts.created} created, {counts.refused} refused of {rows}");
            }

            var peerTeam = (await provider.CreateAsyncScope().ServiceProvider.GetRequiredService<ITeamService>().CreateAsync(owner.User.Id, "Peer", "peer-team")).Value!;
            var (_, peerElapsed, peerPeak) = await MeasureAsync(async () =>
            {
                for (var i = 0; i < sample; i++)
                {
                    await using var scope = provider.CreateAsyncScope();
                    var invited = await scope.ServiceProvider.GetRequiredService<IInvitationService>()
                        .InviteAsync(owner.User.Id, peerTeam.Id, new InviteRequest([$"peer{i}@import.example"], RolePresets.Member));
                    if (!invited.Succeeded || invited.Value!.Outcomes[0].Kind != InviteOutcomeKind.Invited)
                    {
                        throw new InvalidOperationException(invited.ToString());
                    }
                }

                return (0L, 0L);
            });

            var rate = rows / elapsed.TotalSeconds;
            var peerRate = sample / peerElapsed.TotalSeconds;
            Console.WriteLine("| Database | Rows (teams) | Path | Rows/s | Total | Peak memory (managed / working set) |");
            Console.WriteLine("| --- | --- | --- | ---: | ---: | --- |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {database} | {rows:N0} ({teams:N0} of {rows / teams:N0}) | IImportService, batches of 5,000 | {rate:N0} | {elapsed.TotalSeconds:F1} s | {peak.Managed / 1048576.0:F0} MB / {peak.WorkingSet / 1048576.0:F0} MB |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {database} | {sample:N0} sample (1 team growing to {sample:N0}) | InviteAsync one by one | {peerRate:N0} | {peerElapsed.TotalSeconds:F1} s for the sample; {rows / peerRate / 60:F0} min extrapolated to {rows:N0} | {peerPeak.Managed / 1048576.0:F0} MB / {peerPeak.WorkingSet / 1048576.0:F0} MB |"));
        }
        finally
        {
            await drop();
        }
    }

    private static async IAsyncEnumerable<ImportRow> Rows(int count, int perTeam, string[] handles, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ImportRow
            {
                Email = string.Create(CultureInfo.InvariantCulture, $"person{i}@import.example"),
                FirstName = "Imported",
                LastName = string.Create(CultureInfo.InvariantCulture, $"Person {i}"),
                TeamHandle = handles[Math.Min(i / perTeam, handles.Length - 1)],
                Role = RolePresets.Member,
            };
        }
    }

    /// <summary>Runs <paramref name="run"/> once, timing it and sampling the peak managed heap and working set every 50 ms.</summary>
    private static async Task<(T Result, TimeSpan Elapsed, (long Managed, long WorkingSet) Peak)> MeasureAsync<T>(Func<Task<T>> run)
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long managed = 0;
        long workingSet = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                managed = Math.Max(managed, GC.GetTotalMemory(forceFullCollection: false) - before);
                workingSet = Math.Max(workingSet, process.WorkingSet64);
                await Task.Delay(50);
            }
        });
        var clock = Stopwatch.StartNew();
        var result = await run();
        var elapsed = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        return (result, elapsed, (managed, workingSet));
    }

    private sealed class NullSender : IInvitationSender
    {
        public ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
