using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TeamAccess.Accounts;
using TeamAccess.Hosting;
using TeamAccess.Members;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// What only a real PostgreSQL can break in the change feed: numbering in commit order under many concurrent writers
/// (sequence values are handed out in start order), a listener whose connection is killed, and a follower restarted
/// while other instances keep writing.
/// </summary>
public sealed class PostgreSqlChangeFeedTests
{
    internal static async Task<(Action<TeamAccessBuilder> Storage, string Connection, Func<ValueTask> Drop)> CreateAsync()
    {
        var server = await PostgreSqlServer.GetAsync();
        var (connection, drop) = await server.CreateDatabaseAsync();
        Action<TeamAccessBuilder> storage = builder => builder.AddRelationalStores(db => db.UseNpgsql(connection)).AddPostgreSqlChangeNotifications();
        await SqliteMultiHostTests.CreateSchemaAsync(storage);
        return (storage, connection, drop);
    }

    [SkippableFact]
    public async Task ReadAsync_ManyConcurrentWritersOnManyTeams_AReaderKeepingOnlyItsLastPositionMissesNothing()
    {
        var (storage, _, drop) = await CreateAsync();
        try
        {
            await using var writerHost = await Host.StartAsync(storage);
            var owners = new List<SignUpResult>();
            for (var i = 0; i < 12; i++)
            {
                owners.Add(await writerHost.SignUpAsync($"owner{i}"));
            }

            var feed = writerHost.Services.GetRequiredService<IChangeFeed>();
            var start = await feed.GetHeadAsync(CancellationToken.None);

            // The reader keeps only the highest position read, as a naive follower would.
            var seen = await ConcurrentRenames.RunWhileFollowingAsync(writerHost, owners, start, async after => (await feed.ReadAsync(after, 100, CancellationToken.None)).Select(e => e.Position).ToArray());

            var all = await feed.ReadAsync(start, 100_000, CancellationToken.None);
            Assert.Equal(ConcurrentRenames.Count, all.Count);
            Assert.Equal(all.Select(e => e.Position), seen);
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task Follower_ListenerConnectionKilled_ReconnectsAndSkipsNothing()
    {
        var (storage, connection, drop) = await CreateAsync();
        try
        {
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage, o => o.ChangeFeed.StalenessBound = TimeSpan.FromMinutes(10));
            var owner = await a.SignUpAsync("owner");
            var member = await a.SignUpAsync("member");
            await Host.EventuallyAsync(() => b.Engine.VersionOf(owner.Team.Id) > 0, Host.Hang, "team on B by notification");

            // Every listening backend is killed; B polls only every 5 minutes, so only a reconnected listener can wake it.
            await using (var admin = new NpgsqlConnection(connection))
            {
                await admin.OpenAsync();
                await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'", admin);
                Assert.True((long)(await kill.ExecuteScalarAsync())! >= 1);
            }

            var added = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(owner.Team.Id, member.User.Id, RolePresets.Administrator));
            Assert.True(added.Succeeded, added.ToString());
            await Host.EventuallyAsync(() => b.Access.HasPermission(member.User.Id, owner.Team.Id, Permissions.MembersInvite), Host.Hang, "change after the listener was killed");
        }
        finally
        {
            await drop();
        }
    }

    [SkippableFact]
    public async Task Follower_ServerStoppedAndStartedAgain_ReportsItselfStaleThenCatchesUpSkippingNothing()
    {
        var server = await PostgreSqlServer.StartPrivateAsync();
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server.AdminConnection) { Timeout = 15, CommandTimeout = 30 }.ConnectionString;
            Action<TeamAccessBuilder> storage = builder => builder.AddRelationalStores(db => db.UseNpgsql(connection)).AddPostgreSqlChangeNotifications();
            await SqliteMultiHostTests.CreateSchemaAsync(storage);
            await using var a = await Host.StartAsync(storage);
            await using var b = await Host.StartAsync(storage);
            var health = b.Services.GetRequiredService<TeamAccessHealthCheck>();
            var owner = await a.SignUpAsync("owner");
            var member = await a.SignUpAsync("member");
            await Host.EventuallyAsync(() => b.Engine.VersionOf(owner.Team.Id) > 0, Host.Hang, "team on B");

            await server.StopAsync();
            await Host.EventuallyAsync(
                async () => (await health.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext())).Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
                Host.Hang,
                "B reporting that it cannot read the feed");
            await server.StartAsync();

            // A's pool may hold connections the restart broke: the first write may fail, as any write during an outage would.
            Result<Membership>? added = null;
            await Host.EventuallyAsync(
                async () =>
                {
                    try
                    {
                        added = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(owner.Team.Id, member.User.Id, RolePresets.Administrator));
                        return added.Succeeded;
                    }
                    catch (Exception e) when (e is NpgsqlException or InvalidOperationException or DbUpdateException)
                    {
                        return false;
                    }
                },
                Host.Hang,
                "a write after the restart");
            await Host.EventuallyAsync(() => b.Access.HasPermission(member.User.Id, owner.Team.Id, Permissions.MembersInvite), Host.Hang, "the change on B after the restart");
            await Host.EventuallyAsync(
                async () => (await health.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext())).Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
                Host.Hang,
                "B healthy again");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            server.Dispose();
        }
    }

    [SkippableFact]
    public async Task Follower_RestartedWhileAnotherInstanceWrites_LosesNothing()
    {
        var (storage, _, drop) = await CreateAsync();
        try
        {
            await using var a = await Host.StartAsync(storage);
            var owner = await a.SignUpAsync("owner");
            var people = new List<SignUpResult>();
            for (var i = 0; i < 10; i++)
            {
                people.Add(await a.SignUpAsync($"person{i}"));
            }

            using var stop = new CancellationTokenSource();
            var added = new ConcurrentBag<UserId>();
            var writer = Task.Run(async () =>
            {
                foreach (var person in people)
                {
                    var result = await a.Use<IMemberService, Result<Membership>>(m => m.AddAsHostAsync(owner.Team.Id, person.User.Id, RolePresets.Administrator));
                    Assert.True(result.Succeeded, result.ToString());
                    added.Add(person.User.Id);
                    await Task.Delay(20);
                }
            });

            // B starts (and loads) while A writes, stops, and a new B starts again mid-stream.
            var first = await Host.StartAsync(storage);
            await Task.Delay(60);
            await first.DisposeAsync();
            await using var b = await Host.StartAsync(storage);
            await writer;

            await Host.EventuallyAsync(() => people.All(p => b.Access.HasPermission(p.User.Id, owner.Team.Id, Permissions.MembersInvite)), Host.Hang, "every member added meanwhile");
            Assert.Equal(people.Count, added.Count);
        }
        finally
        {
            await drop();
        }
    }
}
