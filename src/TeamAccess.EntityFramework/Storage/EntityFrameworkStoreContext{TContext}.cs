using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>
/// What the EF Core stores share: the context factory, the registered <see cref="StoreProvider"/> and the teams this
/// instance holds. The stores (one class per store service: <see cref="EntityFrameworkUserStore{TContext}"/>,
/// <see cref="EntityFrameworkTeamStore{TContext}"/>, <see cref="EntityFrameworkChangeStore{TContext}"/> and the others)
/// are singletons that hold no context: every read and every commit creates a short-lived context from the factory, so
/// a commit is its own unit of work and concurrent callers never share a connection. What differs between databases
/// (the feed's commit-order lock, NOTIFY, COPY, refusals, migrations) is the provider's.
/// </summary>
/// <typeparam name="TContext">The context the stores read and write.</typeparam>
internal sealed class EntityFrameworkStoreContext<TContext>(IDbContextFactory<TContext> factory, StoreProvider provider)
    where TContext : DbContext
{
    /// <summary>Gets the factory of short-lived contexts, one per read or commit.</summary>
    public IDbContextFactory<TContext> Factory { get; } = factory;

    /// <summary>Gets what differs between databases.</summary>
    public StoreProvider Provider { get; } = provider;

    /// <summary>Gets the teams this instance holds: the team store reads through it, the change store puts what it committed.</summary>
    public TeamSnapshotCache Snapshots { get; } = new(TeamSnapshotCache.DefaultRowBudget);
}
