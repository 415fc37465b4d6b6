namespace TeamAccess.Storage;

/// <summary>Teams' domain claims across teams: due checks, and one verified claim per domain.</summary>
internal sealed class InMemoryTeamDomainStore(InMemoryTeamAccessStore store) : ITeamDomainStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredTeamDomain>> ListDomainsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (store.Gate)
        {
            IReadOnlyList<StoredTeamDomain> due = [.. store.Teams.Values.Where(t => t.Team.Status != TeamStatus.Deleted)
                .SelectMany(t => t.Domains.Values).Where(d => d.NextCheckAt <= now).OrderBy(d => d.NextCheckAt).Take(limit)];
            return ValueTask.FromResult(due);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredTeamDomain?> FindVerifiedDomainAsync(string domain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domain);
        lock (store.Gate)
        {
            return ValueTask.FromResult(store.VerifiedClaim(domain, except: null));
        }
    }
}
