using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>The expiry sweep's read: teams with something past its expiry.</summary>
internal sealed class EntityFrameworkExpiryStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IExpiryStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<TeamId>> ListTeamsWithExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var ticks = now.UtcTicks;
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // A deleted team's open offer has no key (RowMapping); its pending invitations keep theirs, so the join leaves them out.
            var offers = await context.Set<TeamRow>().AsNoTracking()
                .Where(t => t.OpenOfferExpiresAtUtcTicks <= ticks)
                .Select(t => t.Id)
                .Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var invitations = await context.Set<MembershipRow>().AsNoTracking()
                .Where(m => m.PendingInvitationExpiresAtUtcTicks <= ticks)
                .Join(context.Set<TeamRow>().Where(t => t.Status != TeamStatus.Deleted), m => m.TeamId, t => t.Id, (m, _) => m.TeamId)
                .Distinct()
                .Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            // A deleted team's keys were revoked with it, so none of theirs is pending.
            var keys = await context.Set<ApiKeyRow>().AsNoTracking()
                .Where(k => k.PendingExpiryAtUtcTicks <= ticks)
                .Select(k => k.TeamId)
                .Distinct()
                .Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. offers.Concat(invitations).Concat(keys).Distinct().Take(limit).Select(id => new TeamId(id))];
        }
    }
}
