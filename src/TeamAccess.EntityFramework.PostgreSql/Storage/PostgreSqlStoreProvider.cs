using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using TeamAccess.EntityFramework.Migrations;

namespace TeamAccess.EntityFramework.PostgreSql;

/// <summary>
/// The EF Core store's PostgreSQL part, registered by <c>UsePostgreSql()</c>: the advisory lock that numbers audit rows and
/// feed entries in commit order, the NOTIFY that wakes other instances, binary COPY for large commits, PostgreSQL's
/// refusals read from <see cref="PostgresException"/>, and the PostgreSQL migrations this package ships (applied under a
/// session advisory lock, so instances starting together migrate once).
/// </summary>
internal sealed class PostgreSqlStoreProvider : StoreProvider
{
    /// <summary>The one instance (it holds no state).</summary>
    public static readonly PostgreSqlStoreProvider Instance = new();

    /// <summary>
    /// The transaction-level advisory lock that numbers feed entries and audit events in commit order: taken just before
    /// they are inserted, held until COMMIT, so a transaction that numbers its rows after another commits after it. Without
    /// it sequence values follow start order, and a reader at position p could later meet a row below p.
    /// </summary>
    private const string FeedLockSql = "SELECT pg_advisory_xact_lock(127961678570852)"; // 0x746166656564, "tafeed"

    private const string NotifySql = "NOTIFY " + EntityFrameworkChangeFeed.NotifyChannel;
    private const string MigrationLockSql = "SELECT pg_advisory_lock(8386117105889571181)"; // 0x74616D6967726174, "tamigrat"
    private const string MigrationUnlockSql = "SELECT pg_advisory_unlock(8386117105889571181)";

    // SQLSTATEs: serialization_failure, deadlock_detected, unique_violation, foreign_key_violation.
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";

    /// <inheritdoc />
    public override bool CopiesInBulk => true;

    /// <inheritdoc />
    public override void Check(DbContext context)
    {
        if (context.Database.GetDbConnection() is not NpgsqlConnection)
        {
            throw new InvalidOperationException(
                $"UsePostgreSql() was called, but the TeamAccess store's context runs on {context.Database.ProviderName}: configure it with UseNpgsql, or do not call UsePostgreSql().");
        }
    }

    /// <inheritdoc />
    public override Task CopyAsync(DbContext context, IReadOnlyList<object> rows, CancellationToken cancellationToken) =>
        PostgreSqlBulkInsert.CopyAsync(context, rows, cancellationToken);

    /// <inheritdoc />
    public override Task<long> LastIdentityAsync(DbContext context, Type rowType, CancellationToken cancellationToken) =>
        PostgreSqlBulkInsert.LastIdentityAsync(context, rowType, cancellationToken);

    /// <inheritdoc />
    public override Task LockFeedNumberingAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(FeedLockSql, cancellationToken);

    /// <inheritdoc />
    public override Task NotifyFeedAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlRawAsync(NotifySql, cancellationToken);

    /// <inheritdoc />
    public override bool OrdersGuidsAsBytes(DbContext context) => true; // uuid compares as its big-endian bytes

    /// <inheritdoc />
    public override TeamAccessErrorCode Classify(DbException exception, IModel model) => exception.SqlState switch
    {
        SerializationFailure or DeadlockDetected => TeamAccessErrorCode.ConcurrencyFailure,
        UniqueViolation => StoreErrors.FromConstraintName((exception as PostgresException)?.ConstraintName, exception.Message, model),

        // A row that references one a concurrent writer removed (a login for a deleted user): what it names is gone.
        ForeignKeyViolation => TeamAccessErrorCode.NotFound,
        _ => TeamAccessErrorCode.None,
    };

    /// <inheritdoc />
    public override TeamAccessDbContext CreateShippedContext(DbContext context, DbContextOptions options) => new PostgreSqlTeamAccessDbContext(options);

    /// <inheritdoc />
    public override string MigrationsAssembly => typeof(PostgreSqlStoreProvider).Assembly.GetName().Name!;

    /// <inheritdoc />
    public override async Task LockMigrationsAsync(DbContext context, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlRawAsync(MigrationLockSql, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override async Task UnlockMigrationsAsync(DbContext context) =>
        await context.Database.ExecuteSqlRawAsync(MigrationUnlockSql, CancellationToken.None).ConfigureAwait(false);
}
