using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>The change feed's consumers' positions; a position only moves forward.</summary>
internal sealed class EntityFrameworkCheckpointStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IChangeFeedCheckpoints
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask<long?> GetPositionAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Set<ChangeFeedCheckpointRow>().Where(c => c.Consumer == consumer).Select(c => (long?)c.Position)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask SetPositionAsync(string consumer, long position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // One consumer writes its own row; a racing first write of the same name is a retry away from an update.
            for (var attempt = 0; ; attempt++)
            {
                var updated = await context.Set<ChangeFeedCheckpointRow>()
                    .Where(c => c.Consumer == consumer && c.Position < position)
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.Position, position), cancellationToken).ConfigureAwait(false);
                if (updated > 0 || await context.Set<ChangeFeedCheckpointRow>().AnyAsync(c => c.Consumer == consumer, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                try
                {
                    context.Add(new ChangeFeedCheckpointRow { Consumer = consumer, Position = position });
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (DbUpdateException) when (attempt == 0)
                {
                    context.ChangeTracker.Clear();
                }
            }
        }
    }
}
