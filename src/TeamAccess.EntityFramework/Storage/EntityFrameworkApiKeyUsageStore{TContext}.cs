using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>The last-used times of API keys, newest wins.</summary>
internal sealed class EntityFrameworkApiKeyUsageStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IApiKeyUsageStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask RecordUsesAsync(IReadOnlyCollection<ApiKeyUse> uses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = context.Set<ApiKeyUsageRow>();
            foreach (var use in uses)
            {
                var id = use.KeyId.Value;
                var at = use.UsedAt.UtcTicks;
                for (var attempt = 0; ; attempt++)
                {
                    // One statement by the primary key; a time never moves back.
                    var moved = await rows.Where(r => r.KeyId == id && r.LastUsedAtUtcTicks < at)
                        .ExecuteUpdateAsync(set => set.SetProperty(r => r.LastUsedAtUtcTicks, at), cancellationToken).ConfigureAwait(false);
                    if (moved > 0 || await rows.AnyAsync(r => r.KeyId == id, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    try
                    {
                        context.Add(new ApiKeyUsageRow { KeyId = id, TeamId = use.TeamId.Value, LastUsedAtUtcTicks = at });
                        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                        context.ChangeTracker.Clear();
                        break;
                    }
                    catch (DbUpdateException) when (attempt < 2)
                    {
                        // Another instance recorded the key first: move its row instead.
                        context.ChangeTracker.Clear();
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<ApiKeyId, DateTimeOffset>> GetLastUsedAsync(TeamId teamId, CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<ApiKeyUsageRow>().AsNoTracking().Where(r => r.TeamId == teamId.Value)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ToDictionary(r => new ApiKeyId(r.KeyId), r => new DateTimeOffset(r.LastUsedAtUtcTicks, TimeSpan.Zero));
        }
    }
}
