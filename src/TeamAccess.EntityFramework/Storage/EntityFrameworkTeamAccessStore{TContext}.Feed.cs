using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <content>The change feed and its consumers' checkpoints and held events (<see cref="IChangeFeed"/>, <see cref="IChangeFeedCheckpoints"/>, <see cref="IHeldEventStore"/>).</content>
internal sealed partial class EntityFrameworkTeamAccessStore<TContext>
{
    /// <inheritdoc />
    public async ValueTask<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Set<ChangeFeedRow>().MaxAsync(f => (long?)f.Position, cancellationToken).ConfigureAwait(false) ?? 0;
        }
    }

    /// <inheritdoc />
    public async ValueTask<long?> GetPositionAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<HeldEvent>> ListHeldEventsAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Set<HeldEventRow>().Where(h => h.Consumer == consumer && h.Sequence == sequence)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ChangeFeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
