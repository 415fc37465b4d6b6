
namespace TeamAccess.Accounts;

/// <summary>The one rule both the sign-in policy and the domain verifier apply to a provider a team names.</summary>
internal static class TeamProviderBindings
{
    /// <summary>Whether the team may name the provider: a global one always, a team-bound one where the host bound it.</summary>
    public static ValueTask<bool> MayNameAsync(this ITeamProviderBinding bindings, IdentityProviderRegistry providers, string provider, TeamId teamId, CancellationToken cancellationToken) =>
        providers.ScopeOf(provider) == IdentityProviderScope.Global ? ValueTask.FromResult(true) : bindings.ServesAsync(provider, teamId, cancellationToken);
}
