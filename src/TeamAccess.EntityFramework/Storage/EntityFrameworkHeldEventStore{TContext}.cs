using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>The events a consumer holds back after its handler failed, until they are delivered or dropped.</summary>
internal sealed class EntityFrameworkHeldEventStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IHeldEventStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<HeldEvent>> ListHeldEventsAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<HeldEventRow>().AsNoTracking().Where(h => h.Consumer == consumer).OrderBy(h => h.Sequence)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(h => new HeldEvent(h.Consumer, h.Sequence, h.OrderKey, (HeldEventState)h.State, h.Attempts, h.HeldAt, h.LastError, h.DeadLetteredAt))];
        }
    }

    /// <inheritdoc />
    public async ValueTask SaveHeldEventAsync(HeldEvent heldEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heldEvent);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<HeldEventRow>().SingleOrDefaultAsync(h => h.Consumer == heldEvent.Consumer && h.Sequence == heldEvent.Sequence, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new HeldEventRow { Consumer = heldEvent.Consumer, Sequence = heldEvent.Sequence };
                context.Add(row);
            }

            row.OrderKey = heldEvent.OrderKey;
            row.State = (int)heldEvent.State;
            row.Attempts = heldEvent.Attempts;
            row.HeldAt = heldEvent.HeldAt.ToUniversalTime();
            row.LastError = heldEvent.LastError is { Length: > TeamAccessModelBuilderExtensions.MaxHeldEventTextLength } error
                ? error[..TeamAccessModelBuilderExtensions.MaxHeldEventTextLength]
                : heldEvent.LastError;
            row.DeadLetteredAt = heldEvent.DeadLetteredAt?.ToUniversalTime();
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> RemoveHeldEventAsync(string consumer, long sequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Set<HeldEventRow>().Where(h => h.Consumer == consumer && h.Sequence == sequence)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }
}
