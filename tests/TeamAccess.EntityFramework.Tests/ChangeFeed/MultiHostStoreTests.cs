using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Hosting;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>Several instances sharing one in-memory store instance (the reference: its commits wake every follower).</summary>
public sealed class InMemoryMultiHostTests : MultiHostTests
{
    internal override Task<(Action<TeamAccessBuilder> Storage, Func<ValueTask> Drop)> CreateStoreAsync()
    {
        var shared = new InMemoryTeamAccessStore();
        return Task.FromResult<(Action<TeamAccessBuilder>, Func<ValueTask>)>((
            builder =>
            {
                builder.Services.AddSingleton(shared);
                builder.AddInMemoryStores();
            },
            () => ValueTask.CompletedTask));
    }
}

/// <summary>Several instances on one SQLite file: no notifications, polling alone meets the bound.</summary>
public sealed class SqliteMultiHostTests : MultiHostTests
{
    internal override async Task<(Action<TeamAccessBuilder> Storage, Func<ValueTask> Drop)> CreateStoreAsync()
    {
        var folder = Directory.CreateTempSubdirectory("teamaccess-sqlite-").FullName;
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "teamaccess.db"), DefaultTimeout = 30 }.ConnectionString;
        Action<TeamAccessBuilder> storage = builder => builder.AddRelationalStores(db => db.UseSqlite(connection));
        await CreateSchemaAsync(storage);
        return (storage, () =>
        {
            SqliteFiles.Drop(connection);
            return ValueTask.CompletedTask;
        });
    }

    internal static async Task CreateSchemaAsync(Action<TeamAccessBuilder> storage)
    {
        var services = new ServiceCollection();
        storage(services.AddTeamAccess());
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateTeamAccessDatabaseAsync();
    }
}

/// <summary>Several instances on one PostgreSQL database, woken by LISTEN/NOTIFY.</summary>
public sealed class PostgreSqlMultiHostTests : MultiHostTests
{
    internal override async Task<(Action<TeamAccessBuilder> Storage, Func<ValueTask> Drop)> CreateStoreAsync()
    {
        var server = await PostgreSqlServer.GetAsync();
        var (connection, drop) = await server.CreateDatabaseAsync();
        Action<TeamAccessBuilder> storage = builder => builder.AddRelationalStores(db => db.UseNpgsql(connection)).AddPostgreSqlChangeNotifications();
        await SqliteMultiHostTests.CreateSchemaAsync(storage);
        return (storage, drop);
    }
}
