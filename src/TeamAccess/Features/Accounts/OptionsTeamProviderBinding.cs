
namespace TeamAccess.Accounts;

/// <summary>The default binding: the teams listed in a provider's <see cref="OidcProviderOptions.Teams"/>.</summary>
internal sealed class OptionsTeamProviderBinding(IdentityProviderRegistry providers) : ITeamProviderBinding
{
    public ValueTask<bool> ServesAsync(string provider, TeamId teamId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(providers.TryGet(provider, out var found) && found is OidcIdentityProvider oidc && oidc.Serves(teamId));
}
