
namespace TeamAccess.Accounts;

/// <summary>
/// The default verifier: a domain is the team's when its SSO provider is authoritative for it and, for a team-bound
/// provider, the host bound that provider to the team (a guardian naming another customer's SSO proves nothing).
/// </summary>
internal sealed class ProviderAuthorityDomainVerifier(IdentityProviderRegistry providers, ITeamProviderBinding bindings) : IDomainVerifier
{
    public async ValueTask<bool> IsVerifiedAsync(TeamId teamId, string domain, TeamSignInPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.SsoProvider is { } sso
            && providers.TryGet(sso, out var provider)
            && provider.IsAuthoritativeFor(domain)
            && await bindings.MayNameAsync(providers, sso, teamId, cancellationToken).ConfigureAwait(false);
    }
}
