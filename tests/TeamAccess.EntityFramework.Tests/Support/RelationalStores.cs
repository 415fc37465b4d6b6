using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TeamAccess.EntityFramework.Migrations;
using TeamAccess.EntityFramework.PostgreSql;
using TeamAccess.Hosting;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// The suites run one body on SQLite and on PostgreSQL: these put the EF Core store on the database a test configured,
/// with the PostgreSQL package's provider when the connection is Npgsql's (read by its type), as a PostgreSQL host does
/// with <c>UsePostgreSql()</c>.
/// </summary>
internal static class RelationalStores
{
    /// <summary><c>AddEntityFrameworkStores</c>, plus <c>UsePostgreSql()</c> on PostgreSQL.</summary>
    public static TeamAccessBuilder AddRelationalStores(this TeamAccessBuilder builder, Action<DbContextOptionsBuilder> configure)
    {
        builder.AddEntityFrameworkStores(configure);
        var options = new DbContextOptionsBuilder<TeamAccessDbContext>();
        configure(options);
        using var probe = new TeamAccessDbContext(options.Options);
        return IsPostgreSql(probe) ? builder.UsePostgreSql() : builder;
    }

    /// <summary>The provider part the store uses for <paramref name="context"/>'s database.</summary>
    public static StoreProvider ProviderFor(DbContext context) => IsPostgreSql(context) ? PostgreSqlStoreProvider.Instance : StoreProvider.Default;

    /// <summary>The shipped migrations' context for <paramref name="context"/>'s provider.</summary>
    public static TeamAccessDbContext ShippedContext(DbContext context) => TeamAccessMigrator.CreateShippedContext(context, ProviderFor(context));

    /// <summary>Applies the shipped migrations through <paramref name="shipped"/>.</summary>
    public static Task MigrateAsync(TeamAccessDbContext shipped) => TeamAccessMigrator.MigrateAsync(shipped, ProviderFor(shipped), CancellationToken.None);

    private static bool IsPostgreSql(DbContext context) => context.Database.GetDbConnection() is NpgsqlConnection;
}
