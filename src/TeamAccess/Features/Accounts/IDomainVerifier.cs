namespace TeamAccess.Accounts;

/// <summary>
/// Tells whether a team owns an email domain, so that its sign-in policy may name it as its verified domain (and people
/// of that domain join just in time). The host decides, never the team's guardian: register your own to run, for example,
/// a DNS TXT challenge. The default verifies a domain only when the team's SSO provider is one the host marked
/// authoritative for that domain (<see cref="TeamAccess.Accounts.OidcProviderOptions.AuthoritativeDomains"/>).
/// </summary>
public interface IDomainVerifier
{
    /// <summary>Tells whether the host has verified that the team owns <paramref name="domain"/>.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="domain">The lower-case domain, such as <c>acme.example</c>.</param>
    /// <param name="policy">The team's sign-in policy that names the domain (its SSO provider among it).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> only when the domain is verified for the team.</returns>
    ValueTask<bool> IsVerifiedAsync(TeamId teamId, string domain, TeamSignInPolicy policy, CancellationToken cancellationToken);
}
