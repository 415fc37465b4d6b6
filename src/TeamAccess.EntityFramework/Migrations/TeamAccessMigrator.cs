using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TeamAccess.EntityFramework.Migrations;

/// <summary>
/// Applies the migrations of the store's context at start-up, safely when several instances start at once: under the
/// provider's lock where it has one (on PostgreSQL a session advisory lock: one instance migrates, the others wait, then
/// find nothing to do); on SQLite,
/// whose single writer already serializes the statements, an instance whose migration failed because another applied
/// the same one meanwhile starts over and finds nothing to do. (EF Core 9 and later also lock on their own; EF Core 8,
/// which the net8.0 build uses, does not.) A database whose history names a migration this code does not know is newer
/// than the code, and start-up fails saying so.
/// </summary>
internal static class TeamAccessMigrator
{
    /// <summary>
    /// The history table of the shipped migrations: not EF Core's default, so a host that keeps its own migrations in the
    /// same database (its <c>__EFMigrationsHistory</c>) and TeamAccess never read each other's history.
    /// </summary>
    public const string HistoryTable = "ta_migrations_history";

    private const int MaxAttempts = 5;

    /// <summary>
    /// The context that applies the shipped migrations of <paramref name="context"/>'s provider: the same model, options
    /// and connection settings, with the package as migrations assembly and its own history table.
    /// </summary>
    /// <exception cref="InvalidOperationException">The provider has no shipped migrations.</exception>
    public static TeamAccessDbContext CreateShippedContext(DbContext context, StoreProvider provider)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = (DbContextOptions)context.GetService<IDbContextOptions>();
        var relational = RelationalOptionsExtension.Extract(options)
            .WithMigrationsAssembly(provider.MigrationsAssembly)
            .WithMigrationsHistoryTableName(HistoryTable);
        var builder = new DbContextOptionsBuilder(options);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(relational);
        return provider.CreateShippedContext(context, builder.Options);
    }

    /// <summary>Brings the database of <paramref name="context"/> to the latest of its migrations.</summary>
    /// <exception cref="InvalidOperationException">The database is newer than the code.</exception>
    public static async Task MigrateAsync(DbContext context, StoreProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var database = context.Database;

        // One connection for the whole run, so that the advisory lock (held by the session) covers every statement.
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await provider.LockMigrationsAsync(context, cancellationToken).ConfigureAwait(false);

            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    var applied = await CheckNotNewerAsync(context, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                        return;
                    }
                    catch (DbException) when (attempt < MaxAttempts)
                    {
                        // Another instance applied migrations while this one tried to: start over from its history.
                        // Any other failure is this instance's own, and is let through.
                        if (await SameHistoryAsync(context, applied, cancellationToken).ConfigureAwait(false))
                        {
                            throw;
                        }
                    }
                }
            }
            finally
            {
                await provider.UnlockMigrationsAsync(context).ConfigureAwait(false);
            }
        }
        finally
        {
            await database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<string>> CheckNotNewerAsync(DbContext context, CancellationToken cancellationToken)
    {
        var known = context.Database.GetMigrations().ToList();
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        var unknown = applied.Where(id => !known.Contains(id, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            var assembly = context.GetType().Assembly;
            var code = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString();
            throw new InvalidOperationException(
                $"The database's TeamAccess schema is newer than this code: the database is at migration '{applied[^1]}' " +
                $"(unknown here: {string.Join(", ", unknown)}), while this code ({assembly.GetName().Name} {code}) knows migrations up to " +
                $"'{(known.Count > 0 ? known[^1] : "none")}'. Run a TeamAccess at least as new as the one that migrated the database.");
        }

        return applied;
    }

    private static async Task<bool> SameHistoryAsync(DbContext context, IReadOnlyList<string> before, CancellationToken cancellationToken)
    {
        var now = await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
        return now.SequenceEqual(before, StringComparer.Ordinal);
    }
}
