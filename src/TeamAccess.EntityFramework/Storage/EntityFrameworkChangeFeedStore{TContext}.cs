using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>The change feed: its head and its entries in position order.</summary>
internal sealed class EntityFrameworkChangeFeedStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IChangeFeed
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Set<ChangeFeedRow>().MaxAsync(f => (long?)f.Position, cancellationToken).ConfigureAwait(false) ?? 0;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ChangeFeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<ChangeFeedRow>().AsNoTracking()
                .Where(f => f.Position > after)
                .OrderBy(f => f.Position)
                .Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(f => new ChangeFeedEntry(
                f.Position,
                f.TeamId is { } team ? new TeamId(team) : null,
                f.TeamVersion,
                f.UserId is { } user ? new UserId(user) : null));
        }
    }
}
