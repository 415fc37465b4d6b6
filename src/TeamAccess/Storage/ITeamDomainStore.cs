namespace TeamAccess.Storage;

/// <summary>
/// Finds teams' domain claims across teams: those due for their DNS check, and the one claim that holds a domain
/// verified. Claims are written as part of their team's snapshot (<see cref="TeamDomainPut"/>); a store keeps at most
/// one verified claim per domain and refuses a commit that would make a second one with
/// <see cref="TeamAccessErrorCode.DomainVerifiedElsewhere"/>.
/// </summary>
public interface ITeamDomainStore
{
    /// <summary>
    /// Lists up to <paramref name="limit"/> claims of teams not deleted whose next check is due at or before
    /// <paramref name="now"/>, the earliest first, from an index on the due time.
    /// </summary>
    /// <param name="now">The time the checks are due by.</param>
    /// <param name="limit">The most claims to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The claims.</returns>
    ValueTask<IReadOnlyList<StoredTeamDomain>> ListDomainsDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Finds the claim that holds <paramref name="domain"/> verified, whichever team made it.</summary>
    /// <param name="domain">The lower-case domain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The verified claim, or <see langword="null"/>.</returns>
    ValueTask<StoredTeamDomain?> FindVerifiedDomainAsync(string domain, CancellationToken cancellationToken);
}
