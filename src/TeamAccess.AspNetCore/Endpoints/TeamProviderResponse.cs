namespace TeamAccess.AspNetCore;

/// <summary>A team's own provider: every setting but the client secret; <c>name</c> is what the sign-in policy and a sign-in use; <c>exchangeEndpoint</c> is its token endpoint.</summary>
internal sealed record TeamProviderResponse(Guid ProviderId, string Name, string DisplayName, string Issuer, string ClientId, IReadOnlyList<string> Scopes, string EmailClaim, bool RequiresSecondFactor, string State, string? AuthorizationEndpoint, string? ExchangeEndpoint, DateTimeOffset UpdatedAt)
{
    public static TeamProviderResponse From(TeamSso.TeamProviderView p) =>
        new(p.Id.Value, p.Name, p.DisplayName, p.Issuer, p.ClientId, p.Scopes, p.EmailClaim, p.RequiresSecondFactor, p.State.ToString(), p.AuthorizationEndpoint, p.TokenEndpoint, p.UpdatedAt);
}
