namespace TeamAccess;

/// <summary>The default verifier: a domain is the team's when its SSO provider is authoritative for it.</summary>
internal sealed class ProviderAuthorityDomainVerifier(IdentityProviderRegistry providers) : IDomainVerifier
{
    public ValueTask<bool> IsVerifiedAsync(TeamId teamId, string domain, TeamSignInPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(policy);
        return ValueTask.FromResult(policy.SsoProvider is { } sso && providers.TryGet(sso, out var provider) && provider.IsAuthoritativeFor(domain));
    }
}
