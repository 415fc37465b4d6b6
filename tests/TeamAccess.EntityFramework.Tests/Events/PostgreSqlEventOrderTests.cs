using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TeamAccess.Accounts;
using TeamAccess.Teams;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// The gap a PostgreSQL identity column leaves: sequence values are handed out when rows are inserted, not when they
/// commit, so a commit that numbered its audit rows first may become visible after one that numbered later; a reader
/// keeping only its last sequence number would then skip the earlier rows for good. The store numbers audit rows under
/// the change feed's transaction-level advisory lock, so a later commit cannot number (or become visible) before an
/// earlier one that numbered first has committed.
/// </summary>
public sealed class PostgreSqlEventOrderTests
{
    [SkippableFact]
    public async Task ReadAllAsync_CommitPausedAfterNumberingItsAuditRows_ALaterCommitWaitsAndTheReaderSkipsNothing()
    {
        var (_, connection, drop) = await PostgreSqlChangeFeedTests.CreateAsync();
        try
        {
            var pause = new AuditInsertPause();
            await using var slow = await Host.StartAsync(b => b.AddRelationalStores(db => db.UseNpgsql(connection).AddInterceptors(pause)));
            await using var fast = await Host.StartAsync(b => b.AddRelationalStores(db => db.UseNpgsql(connection)));
            var first = await fast.SignUpAsync("first");
            var second = await fast.SignUpAsync("second");
            var audit = fast.Services.GetRequiredService<IAuditStore>();
            var position = (await audit.ReadAllAsync(0, 100_000, CancellationToken.None))[^1].Sequence;

            // A commit that has numbered its audit rows and not yet committed (paused right after the insert).
            pause.Armed = true;
            var early = Task.Run(() => slow.Use<ITeamService, Result<Team>>(t => t.RenameAsync(first.User.Id, first.Team.Id, "Early")));
            await pause.Numbered.Task.WaitAsync(Host.Hang);

            // A later commit on another team, through another instance: it must neither number nor commit before the
            // paused one, or a reader would meet its higher sequence first and skip the lower one for good.
            // Rather than a pause long enough for it to overtake (which a busy machine need not give it), wait until it
            // has either finished (the fault) or is seen waiting on the feed's lock, behind which it cannot overtake.
            var later = Task.Run(() => fast.Use<ITeamService, Result<Team>>(t => t.RenameAsync(second.User.Id, second.Team.Id, "Later")));
            await Host.EventuallyAsync(async () => later.IsCompleted || await WaitingOnAnAdvisoryLockAsync(connection), Host.Hang, "the later commit finished or waiting on the feed's lock");
            Assert.False(later.IsCompleted, "a later commit numbered its audit rows while an earlier one held a lower sequence uncommitted");
            Assert.Empty(await audit.ReadAllAsync(position, 100, CancellationToken.None));

            pause.Release.SetResult();
            Assert.True((await early).Succeeded);
            Assert.True((await later).Succeeded);
            var read = await audit.ReadAllAsync(position, 100, CancellationToken.None);
            Assert.Equal([first.Team.Id, second.Team.Id], read.Select(e => e.TeamId!.Value));
            Assert.True(read[0].Sequence < read[1].Sequence);
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task ReadAllAsync_ManyConcurrentWritersOnManyTeams_AReaderKeepingOnlyItsLastSequenceMissesNothing()
    {
        var (storage, _, drop) = await PostgreSqlChangeFeedTests.CreateAsync();
        try
        {
            await using var host = await Host.StartAsync(storage);
            var owners = new List<SignUpResult>();
            for (var i = 0; i < 12; i++)
            {
                owners.Add(await host.SignUpAsync($"owner{i}"));
            }

            var audit = host.Services.GetRequiredService<IAuditStore>();
            var start = (await audit.ReadAllAsync(0, 100_000, CancellationToken.None))[^1].Sequence;
            var seen = await ConcurrentRenames.RunWhileFollowingAsync(host, owners, start, async after => (await audit.ReadAllAsync(after, 100, CancellationToken.None)).Select(e => e.Sequence).ToArray());

            var all = await audit.ReadAllAsync(start, 100_000, CancellationToken.None);
            Assert.Equal(ConcurrentRenames.Count, all.Count);
            Assert.Equal(all.Select(e => e.Sequence), seen);
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>Whether a session of this database waits for an advisory lock (the change feed's, here) that another holds.</summary>
    private static async Task<bool> WaitingOnAnAdvisoryLockAsync(string connection)
    {
        await using var admin = new NpgsqlConnection(connection);
        await admin.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND NOT l.granted",
            admin);
        return (long)(await waiting.ExecuteScalarAsync())! > 0;
    }
}
