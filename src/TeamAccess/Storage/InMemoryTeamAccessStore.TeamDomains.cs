namespace TeamAccess.Storage;

/// <content>Teams' domain claims across teams: due checks, and one verified claim per domain.</content>
public sealed partial class InMemoryTeamAccessStore : ITeamDomainStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredTeamDomain>> ListDomainsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<StoredTeamDomain> due = [.. _teams.Values.Where(t => t.Team.Status != TeamStatus.Deleted)
                .SelectMany(t => t.Domains.Values).Where(d => d.NextCheckAt <= now).OrderBy(d => d.NextCheckAt).Take(limit)];
            return ValueTask.FromResult(due);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredTeamDomain?> FindVerifiedDomainAsync(string domain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domain);
        lock (_gate)
        {
            return ValueTask.FromResult(VerifiedClaim(domain, except: null));
        }
    }

    /// <summary>The verified claim on the domain, leaving out one team (the one whose change is being checked).</summary>
    private StoredTeamDomain? VerifiedClaim(string domain, TeamId? except) =>
        _teams.Values.Where(t => t.Id != except).SelectMany(t => t.Domains.Values).FirstOrDefault(d => d.VerifiedDomain == domain);

    /// <summary>The unique index on verified domains: a change may not verify a domain another team (or the change itself, twice) holds verified.</summary>
    private TeamAccessErrorCode UniqueVerifiedDomains(TeamSnapshot team, TeamChange change, HashSet<string> verifiedInCommit)
    {
        foreach (var put in change.Operations.OfType<TeamDomainPut>())
        {
            if (team.Domains.GetValueOrDefault(put.Id)?.VerifiedDomain is { } domain
                && (VerifiedClaim(domain, team.Id) is not null || team.Domains.Values.Count(d => d.VerifiedDomain == domain) > 1 || !verifiedInCommit.Add(domain)))
            {
                return TeamAccessErrorCode.DomainVerifiedElsewhere;
            }
        }

        return TeamAccessErrorCode.None;
    }
}
