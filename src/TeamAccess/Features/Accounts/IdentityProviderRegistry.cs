using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamAccess.Accounts;

/// <summary>
/// The registered identity providers by name; two with one name, or a name that is not 1 to 64 ASCII letters, digits,
/// <c>-</c>, <c>_</c> or <c>.</c>, fail the host's start.
/// </summary>
internal sealed class IdentityProviderRegistry
{
    private readonly Dictionary<string, IIdentityProvider> _providers = new(StringComparer.Ordinal);

    public IdentityProviderRegistry(IEnumerable<IIdentityProvider> providers)
    {
        foreach (var provider in providers)
        {
            if (!IdentityProviderNames.IsValid(provider.Name))
            {
                throw new InvalidOperationException($"An identity provider is registered under the name '{provider.Name}'; a name is 1 to {IdentityProviderNames.MaxLength} ASCII letters, digits, '-', '_' or '.'.");
            }

            if (TeamProviderId.TryParseName(provider.Name, out _))
            {
                throw new InvalidOperationException($"An identity provider is registered under the name '{provider.Name}', which is the form of a team's own provider's name ('{TeamProviderId.NamePrefix}' and 32 hex digits).");
            }

            if (provider.Name == IdentityProviderNames.Password || !_providers.TryAdd(provider.Name, provider))
            {
                throw new InvalidOperationException($"Two identity providers are registered under the name '{provider.Name}'.");
            }
        }
    }

    public bool IsRegistered(string? name) => name is not null && (name == IdentityProviderNames.Password || _providers.ContainsKey(name));

    public bool TryGet(string? name, out IIdentityProvider provider)
    {
        provider = null!;
        return name is not null && _providers.TryGetValue(name, out provider!);
    }

    /// <summary>The password provider counts as global; a provider no longer registered as team-bound, the narrower.</summary>
    public IdentityProviderScope ScopeOf(string name) =>
        name == IdentityProviderNames.Password ? IdentityProviderScope.Global
        : _providers.TryGetValue(name, out var provider) ? provider.Scope
        : IdentityProviderScope.TeamBound;

    /// <summary>Whether the team's policy accepts sessions of the provider, given whom the provider serves.</summary>
    public bool Accepts(TeamSignInPolicy policy, string name) => policy.Accepts(name, ScopeOf(name));

    /// <summary>Whether the provider's verified email proves <paramref name="normalizedEmail"/>: the host marked it authoritative for the domain.</summary>
    public bool IsAuthoritative(string name, string normalizedEmail) =>
        _providers.TryGetValue(name, out var provider) && provider.IsAuthoritativeFor(Domains.Of(normalizedEmail));
}
