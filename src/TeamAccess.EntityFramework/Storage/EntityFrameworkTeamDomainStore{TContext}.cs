using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>
/// Teams' domain claims across teams (<see cref="ITeamDomainStore"/>): the due read is a range on the index of the next
/// check's ticks, and the verified claim of a domain is a lookup on the unique index of verified domains.
/// </summary>
internal sealed class EntityFrameworkTeamDomainStore<TContext>(EntityFrameworkStoreContext<TContext> store) : ITeamDomainStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredTeamDomain>> ListDomainsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var ticks = now.UtcTicks;
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<TeamDomainRow>().AsNoTracking()
                .Where(d => d.NextCheckAtUtcTicks <= ticks)
                .OrderBy(d => d.NextCheckAtUtcTicks)
                .Join(context.Set<TeamRow>().Where(t => t.Status != TeamStatus.Deleted), d => d.TeamId, t => t.Id, (d, _) => d)
                .Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(TeamSsoRowMapping.ToDomain)];
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoredTeamDomain?> FindVerifiedDomainAsync(string domain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<TeamDomainRow>().AsNoTracking().FirstOrDefaultAsync(d => d.VerifiedDomain == domain, cancellationToken).ConfigureAwait(false);
            return row is null ? null : TeamSsoRowMapping.ToDomain(row);
        }
    }
}
