namespace TeamAccess.Accounts;

/// <summary>
/// Tells which teams a team-bound identity provider serves. A team-bound provider is a customer's SSO: its tokens are
/// controlled by that customer's administrators, so only the teams the host bound it to may name it in their sign-in
/// policy, and only for them does its authority over a domain verify that domain. The default reads
/// <see cref="TeamAccess.Accounts.OidcProviderOptions.Teams"/>; register your own to keep the binding in your data (for example one SSO
/// connection per customer record). Global providers serve every team and are not asked about.
/// </summary>
public interface ITeamProviderBinding
{
    /// <summary>Tells whether the team-bound provider <paramref name="provider"/> serves the team.</summary>
    /// <param name="provider">The provider's registered name.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> only when the host bound the provider to the team.</returns>
    ValueTask<bool> ServesAsync(string provider, TeamId teamId, CancellationToken cancellationToken);
}
