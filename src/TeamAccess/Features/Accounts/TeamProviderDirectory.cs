using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TeamAccess.Accounts;

/// <summary>
/// The identity providers teams configured for themselves, as sign-in sees them: a provider is found only in its own
/// team's snapshot (another team's provider does not exist there), only while active, and its tokens are validated by
/// the same <see cref="OidcIdentityProvider"/> as a host-registered provider (issuer, audience, lifetime, nonce, and keys
/// fetched through <see cref="IssuerFetcher"/> with rotation). Its authority over an email domain is the team's DNS-verified
/// domains, never the host's <see cref="IDomainVerifier"/>.
/// </summary>
internal sealed class TeamProviderDirectory(ITeamStore teams, IssuerFetcher fetcher, IDomainVerifier hostVerifier, IOptions<TeamAccessOptions> options, TimeProvider time, ILoggerFactory? loggers = null)
{
    private readonly ConcurrentDictionary<TeamProviderId, (DateTimeOffset UpdatedAt, OidcIdentityProvider Validator)> _validators = new();

    /// <summary>Whether the name is a team provider's (<c>team-</c> and 32 hex digits).</summary>
    public static bool IsTeamProviderName(string? name) => TeamProviderId.TryParseName(name, out _);

    /// <summary>Whether the team configured the provider (in any state): only then may its policy name it.</summary>
    public async ValueTask<bool> BelongsAsync(string name, TeamId teamId, CancellationToken cancellationToken) =>
        TeamProviderId.TryParseName(name, out var id)
        && (await teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false))?.Providers.ContainsKey(id) == true;

    /// <summary>The validator of the team's active provider of that name; <see langword="null"/> when the team has none active by that name.</summary>
    public IIdentityProvider? FindActive(TeamSnapshot team, string name)
    {
        if (!options.Value.TeamSso.Enabled || !TeamProviderId.TryParseName(name, out var id)
            || !team.Providers.TryGetValue(id, out var provider) || provider.State != TeamProviderState.Active || provider.TeamId != team.Id)
        {
            return null;
        }

        // A validator keeps its fetched keys across sign-ins; one built from older settings is replaced.
        var held = _validators.GetValueOrDefault(id);
        if (held.Validator is not null && held.UpdatedAt == provider.UpdatedAt)
        {
            return held.Validator;
        }

        var validator = new OidcIdentityProvider(name, OptionsOf(provider), time, loggers?.CreateLogger<OidcIdentityProvider>());
        _validators[id] = (provider.UpdatedAt, validator);
        return validator;
    }

    /// <summary>The options a team provider validates with: its issuer and client id, its keys fetched through the guarded fetcher.</summary>
    public OidcProviderOptions OptionsOf(StoredTeamProvider provider)
    {
        var jwksUri = provider.JwksUri ?? provider.Issuer.TrimEnd('/') + "/jwks";
        var validation = new OidcProviderOptions
        {
            Issuer = provider.Issuer,
            Audience = provider.ClientId,
            Scope = IdentityProviderScope.TeamBound,
            EmailClaim = provider.EmailClaim,
            JsonWebKeySetLoadTimeout = options.Value.TeamSso.DiscoveryTimeout,
            JsonWebKeySetLoader = async cancellationToken =>
            {
                var fetched = await fetcher.GetAsync(jwksUri, cancellationToken).ConfigureAwait(false);
                return fetched.TryGetValue(out var jwks) ? jwks : throw new InvalidOperationException($"The keys of the team provider could not be fetched: {fetched.Error!.Code}.");
            },
        };
        validation.Teams.Add(provider.TeamId);
        return validation;
    }

    /// <summary>
    /// Whether a provider's verified email proves <paramref name="normalizedEmail"/>: for a team provider, the team
    /// holds the domain verified by DNS; for a host-registered provider, the host marked it authoritative.
    /// </summary>
    public static bool IsAuthoritative(TeamSnapshot team, IdentityProviderRegistry providers, string provider, string normalizedEmail) =>
        IsTeamProviderName(provider)
            ? IsVerified(team, Domains.Of(normalizedEmail))
            : providers.IsAuthoritative(provider, normalizedEmail);

    /// <summary>
    /// Whether the team owns the domain its policy names: by DNS when its SSO provider is one of its own, otherwise as the
    /// host's <see cref="IDomainVerifier"/> says.
    /// </summary>
    public async ValueTask<bool> IsDomainVerifiedAsync(TeamId teamId, string domain, TeamSignInPolicy policy, CancellationToken cancellationToken)
    {
        if (!IsTeamProviderName(policy.SsoProvider))
        {
            return await hostVerifier.IsVerifiedAsync(teamId, domain, policy, cancellationToken).ConfigureAwait(false);
        }

        var team = await teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        return team is not null && IsVerified(team, domain);
    }

    private static bool IsVerified(TeamSnapshot team, string domain) => team.Domains.Values.Any(d => d.VerifiedDomain == domain);
}
