using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>The try counters: one row per key and window, counted by one conditional update.</summary>
internal sealed class EntityFrameworkTryCounterStore<TContext>(EntityFrameworkStoreContext<TContext> store) : ITryCounterStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask<bool> TryCountAsync(string key, int limit, DateTimeOffset now, DateTimeOffset windowEndsAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, ITryCounterStore.MaxKeyLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var at = now.UtcTicks;
        var ends = windowEndsAt.UtcTicks;
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var counters = context.Set<TryCounterRow>();
            var seen = false;
            for (var attempt = 0; ; attempt++)
            {
                // One statement by the primary key: the row's lock makes racing tries count one after another, and the
                // condition is judged again on the row each one meets, so none counts past the limit.
                var counted = await counters
                    .Where(c => c.Key == key && (c.WindowEndsAtUtcTicks <= at || c.Count < limit))
                    .ExecuteUpdateAsync(
                        set => set
                            .SetProperty(c => c.Count, c => c.WindowEndsAtUtcTicks <= at ? 1 : c.Count + 1)
                            .SetProperty(c => c.WindowEndsAtUtcTicks, c => c.WindowEndsAtUtcTicks <= at ? ends : c.WindowEndsAtUtcTicks),
                        cancellationToken).ConfigureAwait(false);
                if (counted > 0)
                {
                    return true;
                }

                if (await counters.AnyAsync(c => c.Key == key, cancellationToken).ConfigureAwait(false))
                {
                    // Under READ COMMITTED the update's snapshot may predate a racing try's insert that this read sees:
                    // the update runs once more on the row it now sees, and only a second miss means the window is full.
                    if (seen)
                    {
                        return false;
                    }

                    seen = true;
                    continue;
                }

                try
                {
                    // A new key: the rows whose window ended go first (by their index), so the table holds live windows only.
                    await counters.Where(c => c.WindowEndsAtUtcTicks <= at).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                    context.Add(new TryCounterRow { Key = key, Count = 1, WindowEndsAtUtcTicks = ends });
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (DbUpdateException) when (attempt < 4)
                {
                    // A racing try added the key first: count on its row.
                    context.ChangeTracker.Clear();
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask UncountAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            await context.Set<TryCounterRow>()
                .Where(c => c.Key == key && c.Count > 0)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Count, c => c.Count - 1), cancellationToken).ConfigureAwait(false);
        }
    }
}
