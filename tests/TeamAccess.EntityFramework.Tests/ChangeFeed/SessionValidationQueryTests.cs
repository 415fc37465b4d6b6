using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Hosting;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>Validating a session reads the index, not the database: every SQL command the store sends is counted.</summary>
public sealed class SessionValidationQueryTests
{
    [Fact]
    public async Task ValidateAsync_FromTheIndex_SendsNoQuery_AndTheStrictOptionReadsTheStore()
    {
        var folder = Directory.CreateTempSubdirectory("teamaccess-sqlite-").FullName;
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "teamaccess.db") }.ConnectionString;
        try
        {
            var counter = new CommandCounter();
            Action<TeamAccessBuilder> storage = builder => builder.AddRelationalStores(db => db.UseSqlite(connection).AddInterceptors(counter));
            await SqliteMultiHostTests.CreateSchemaAsync(storage);

            // The follower's polls are SQL too: an hour's bound keeps them out of the count.
            await using (var host = await Host.StartAsync(storage, o => o.ChangeFeed.StalenessBound = TimeSpan.FromHours(1)))
            {
                var owner = await host.SignUpAsync("owner");
                var session = await host.SignInAsync("owner@example.com", owner.Team.Id);

                // The follower reads the feed after this instance's own commits too, and a user's entry (the sign-in's)
                // drops what the instance knew of the user's sessions: bring it to the head now, so that what it causes
                // is not counted as the validations'.
                await host.Follower.CatchUpAsync(CancellationToken.None);

                // The first validation of a session on an instance reads its user's session state (stamp, sign-outs) once.
                Assert.True((await host.ValidateAsync(session.AccessToken, owner.Team.Id)).Succeeded);
                var before = counter.Count;
                for (var i = 0; i < 100; i++)
                {
                    Assert.True((await host.ValidateAsync(session.AccessToken, owner.Team.Id)).Succeeded);
                }

                Assert.True(counter.Count == before, $"the validations sent: {string.Join(" | ", counter.Texts.Skip(before))}");
            }

            await using (var strict = await Host.StartAsync(storage, o =>
            {
                o.ChangeFeed.StalenessBound = TimeSpan.FromHours(1);
                o.Sessions.ValidateAgainstStore = true;
            }))
            {
                var session = await strict.SignInAsync("owner@example.com", (await strict.Use<ITeamStore, TeamId?>(t => t.FindIdByHandleAsync("owner-team", CancellationToken.None)))!.Value);
                var before = counter.Count;
                Assert.True((await strict.ValidateAsync(session.AccessToken, session.Info.TeamId)).Succeeded);
                Assert.True(counter.Count - before >= 1);
            }
        }
        finally
        {
            SqliteFiles.Drop(connection);
        }
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public IReadOnlyList<string> Texts => [.. _texts];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
