using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TeamAccess.EntityFramework.Migrations;

namespace TeamAccess.EntityFramework;

/// <summary>
/// The database-specific part of the EF Core store, chosen by the type registered for it, never by the provider's name.
/// This class is the embedded default: SQLite (one writer at a time, so commits number their audit rows and feed entries
/// in commit order by themselves; no bulk path; SQLite's refusals; the SQLite migrations this package ships), and the
/// provider-neutral behaviour any other provider of a host's own context gets. A provider package registers its own
/// subclass: <c>TeamAccess.EntityFramework.PostgreSql</c>'s <c>UsePostgreSql()</c> brings COPY, the feed's advisory lock,
/// NOTIFY, PostgreSQL's refusals and its migrations.
/// </summary>
internal class StoreProvider
{
    /// <summary>The embedded default.</summary>
    public static readonly StoreProvider Default = new();

    // The one place the default reads a provider's name: to say which package a PostgreSQL host forgot (a commit without
    // the feed's lock would number rows out of commit order on a database with several writers).
    private const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>Gets whether a commit that adds many rows copies them in bulk (<see cref="CopyAsync"/>).</summary>
    public virtual bool CopiesInBulk => false;

    /// <summary>Checks, once per context the store opens for a commit or a migration, that this provider serves it.</summary>
    /// <exception cref="InvalidOperationException">A PostgreSQL database without the PostgreSQL package's provider.</exception>
    public virtual void Check(DbContext context)
    {
        if (string.Equals(context.Database.ProviderName, NpgsqlProviderName, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                "The TeamAccess store runs on PostgreSQL without its PostgreSQL provider: reference the package " +
                "TeamAccess.EntityFramework.PostgreSql and call UsePostgreSql() on the TeamAccess builder (beside " +
                "AddEntityFrameworkStores), which brings the feed's commit-order lock, NOTIFY, COPY and the PostgreSQL migrations.");
        }
    }

    /// <summary>Inserts rows of one entity type in order, in bulk, on the commit's connection and transaction.</summary>
    public virtual Task CopyAsync(DbContext context, IReadOnlyList<object> rows, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This provider has no bulk path.");

    /// <summary>The last identity value the commit's bulk copy gave <paramref name="rowType"/>'s table.</summary>
    public virtual Task<long> LastIdentityAsync(DbContext context, Type rowType, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This provider has no bulk path.");

    /// <summary>
    /// Taken inside a commit just before its audit rows and feed entries are numbered, and held to COMMIT, so that numbers
    /// follow commit order. SQLite needs none: it has one writer at a time.
    /// </summary>
    public virtual Task LockFeedNumberingAsync(DbContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Tells other instances, at COMMIT, that the change feed moved. The default sends nothing: they poll.</summary>
    public virtual Task NotifyFeedAsync(DbContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Gets whether the database orders Guids by their big-endian bytes, as the streamed start-up load merges them (SQLite's
    /// upper-case text does); otherwise the store loads teams page by page.
    /// </summary>
    public virtual bool OrdersGuidsAsBytes(DbContext context) =>
        string.Equals(context.Database.ProviderName, SqliteProviderName, StringComparison.Ordinal);

    /// <summary>Classifies what the database refused; <see cref="TeamAccessErrorCode.None"/> for a failure to let through.</summary>
    public virtual TeamAccessErrorCode Classify(DbException exception, IModel model) => StoreErrors.ClassifySqlite(exception, model);

    /// <summary>The context that applies this provider's shipped migrations, on <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">The provider has no shipped migrations.</exception>
    public virtual TeamAccessDbContext CreateShippedContext(DbContext context, DbContextOptions options) =>
        string.Equals(context.Database.ProviderName, SqliteProviderName, StringComparison.Ordinal)
            ? new SqliteTeamAccessDbContext(options)
            : throw new InvalidOperationException(
                $"TeamAccess ships migrations for SQLite (this package) and PostgreSQL (TeamAccess.EntityFramework.PostgreSql), not for {context.Database.ProviderName}: " +
                "use your own context with ApplyTeamAccessModel and your own migrations (AddEntityFrameworkStores<TContext>).");

    /// <summary>Gets the assembly that holds this provider's shipped migrations.</summary>
    public virtual string MigrationsAssembly => typeof(StoreProvider).Assembly.GetName().Name!;

    /// <summary>
    /// Serializes migrations across instances, on the migration's one open connection. SQLite's single writer already
    /// serializes them (an instance whose migration lost the race starts over).
    /// </summary>
    public virtual Task LockMigrationsAsync(DbContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Releases what <see cref="LockMigrationsAsync"/> took.</summary>
    public virtual Task UnlockMigrationsAsync(DbContext context) => Task.CompletedTask;
}
