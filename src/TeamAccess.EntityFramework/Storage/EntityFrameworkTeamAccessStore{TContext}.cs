using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>
/// The EF Core store. It is a singleton that holds no context: every read and every commit creates a short-lived
/// context from the factory, so a commit is its own unit of work and concurrent callers never share a connection.
/// A commit runs in one transaction: the rows with an expected version or stamp first, then new users and teams, then the
/// rows the team operations put or remove, then the audit rows. Any refusal rolls everything back. What differs between
/// databases (the feed's commit-order lock, NOTIFY, COPY, refusals, migrations) is the registered <see cref="StoreProvider"/>'s.
/// </summary>
internal sealed partial class EntityFrameworkTeamAccessStore<TContext>(IDbContextFactory<TContext> factory, StoreProvider provider)
    : IUserStore, ITeamStore, IMemberQueryStore, IListQueryStore, IAuditStore, IChangeStore, ISessionStore, IChangeFeed, IChangeFeedCheckpoints, ITryCounterStore, IHeldEventStore, IExpiryStore, IApiKeyUsageStore, ITeamAccessDatabase
    where TContext : DbContext
{
    private const int LoadAllPageSize = 500;

    /// <summary>Addresses per query of <see cref="FindByEmailsAsync"/>: within SQLite's bound on parameters, and one round trip per import batch.</summary>
    private const int EmailLookupChunk = 5_000;

    /// <summary>A commit that adds at least this many rows (an import's batch) copies them, where the provider has a bulk path, instead of inserting each.</summary>
    private const int BulkThreshold = 32;

    /// <summary>Existing users checked and stamped per statement when a commit attaches them to memberships.</summary>
    private const int AttachChunk = 1_000;

    private readonly TeamSnapshotCache _teams = new(TeamSnapshotCache.DefaultRowBudget);
}
