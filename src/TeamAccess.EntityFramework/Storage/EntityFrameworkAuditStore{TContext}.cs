using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>The audit log: a team's events, and all events in sequence order for the event dispatcher.</summary>
internal sealed class EntityFrameworkAuditStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IAuditStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEvent> ListAsync(TeamId teamId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = context.Set<AuditEventRow>().AsNoTracking().Where(a => a.TeamId == teamId.Value).OrderBy(a => a.Sequence).AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return RowMapping.ToAuditEvent(row);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // The newest entry of the primary key's index: one index probe, whatever the log's length.
            return await context.Set<AuditEventRow>().MaxAsync(a => (long?)a.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AuditEvent>> ReadAllAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<AuditEventRow>().AsNoTracking()
                .Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence)
                .Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(RowMapping.ToAuditEvent);
        }
    }
}
