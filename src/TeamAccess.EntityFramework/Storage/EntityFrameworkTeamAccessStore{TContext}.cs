using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>
/// The EF Core store. It is a singleton that holds no context: every read and every commit creates a short-lived
/// context from the factory, so a commit is its own unit of work and concurrent callers never share a connection.
/// A commit runs in one transaction: the rows with an expected version or stamp first, then new users and teams, then the
/// rows the team operations put or remove, then the audit rows. Any refusal rolls everything back.
/// </summary>
internal sealed partial class EntityFrameworkTeamAccessStore<TContext>(IDbContextFactory<TContext> factory)
    : IUserStore, ITeamStore, IMemberQueryStore, IListQueryStore, IAuditStore, IChangeStore, ISessionStore, IChangeFeed, IChangeFeedCheckpoints, ITryCounterStore, IHeldEventStore, IExpiryStore, IApiKeyUsageStore, ITeamAccessDatabase
    where TContext : DbContext
{
    private const int LoadAllPageSize = 500;

    /// <summary>Addresses per query of <see cref="FindByEmailsAsync"/>: within SQLite's bound on parameters, and one round trip per import batch.</summary>
    private const int EmailLookupChunk = 5_000;

    /// <summary>
    /// The transaction-level advisory lock that numbers PostgreSQL feed entries and audit events in commit order: taken
    /// just before they are inserted, held until COMMIT, so a transaction that numbers its rows after another commits
    /// after it. Without it sequence values follow start order, and a reader at position p could later meet a row below p.
    /// </summary>
    private const string FeedLockSql = "SELECT pg_advisory_xact_lock(127961678570852)"; // 0x746166656564, "tafeed"

    private const string NotifySql = "NOTIFY " + EntityFrameworkChangeFeed.NotifyChannel;

    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>A PostgreSQL commit that adds at least this many rows (an import's batch) copies them instead of inserting each.</summary>
    private const int BulkThreshold = 32;

    /// <summary>Existing users checked and stamped per statement when a commit attaches them to memberships.</summary>
    private const int AttachChunk = 1_000;

    private readonly TeamSnapshotCache _teams = new(TeamSnapshotCache.DefaultRowBudget);
}
