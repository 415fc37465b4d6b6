using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.EntityFramework;
using TeamAccess.EntityFramework.Migrations;
using TeamAccess.EntityFramework.Tests;

namespace TeamAccess.Benchmarks;

/// <summary>
/// The databases the measured runs (not BenchmarkDotNet: <c>scale</c>, <c>writers</c>, <c>import</c>) work on: a throwaway
/// PostgreSQL database or SQLite file, the shipped schema with a bulk seed, and the Identity peer beside TeamAccess.
/// </summary>
internal static class BenchDatabase
{
    /// <summary>Creates an empty database: a new database on the shared throwaway PostgreSQL server, or a SQLite file in a new folder.</summary>
    public static async Task<(Action<DbContextOptionsBuilder> Configure, Func<ValueTask> Drop)> CreateAsync(string database, string folderPrefix)
    {
        if (database == "PostgreSQL")
        {
            var server = await PostgreSqlServer.SharedAsync();
            var (connection, drop) = await server.CreateDatabaseAsync();
            return (db => db.UseNpgsql(connection), drop);
        }

        var folder = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "teamaccess.db"), DefaultTimeout = 60 }.ConnectionString;
        return (db => db.UseSqlite(sqlite), () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Applies the shipped migrations, then writes <paramref name="shape"/> in bulk.</summary>
    public static async Task<SeedSummary> MigrateAndSeedAsync(Action<DbContextOptionsBuilder> configure, SeedShape shape)
    {
        var options = new DbContextOptionsBuilder<TeamAccessDbContext>();
        configure(options);
        await using var db = new TeamAccessDbContext(options.Options);
        await using (var shipped = RelationalStores.ShippedContext(db))
        {
            await RelationalStores.MigrateAsync(shipped);
        }

        return await BulkSeeder.SeedAsync(db, shape);
    }

    /// <summary>
    /// A provider with TeamAccess on the database and Identity's tables beside it, holding the peer's role "Member";
    /// <paramref name="host"/> adds what a benchmark needs besides (options, a clock, the peer's sign-in manager).
    /// </summary>
    public static async Task<ServiceProvider> BuildWithIdentityPeerAsync(Action<DbContextOptionsBuilder> configure, Action<IServiceCollection>? host = null)
    {
        var services = new ServiceCollection();
        services.AddTeamAccess().AddRelationalStores(configure);
        services.AddDbContext<IdentityDbContext>(configure);
        services.AddIdentityCore<IdentityUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<IdentityDbContext>();
        host?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await identity.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole("Member"));
        return provider;
    }

    /// <summary>The peer's operation: <c>UserManager.CreateAsync</c> of user <paramref name="n"/>, then <c>AddToRoleAsync</c>, in one scope.</summary>
    public static async Task<IdentityResult> PeerCreateAsync(IServiceProvider provider, int n)
    {
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser($"peer{n}@example.com") { Email = $"peer{n}@example.com" };
        var created = await users.CreateAsync(user);
        return created.Succeeded ? await users.AddToRoleAsync(user, "Member") : created;
    }
}
