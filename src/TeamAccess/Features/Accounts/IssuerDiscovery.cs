namespace TeamAccess.Accounts;

/// <summary>What an issuer's discovery document says the sign-in needs.</summary>
internal sealed record IssuerDiscovery(string JwksUri, string? AuthorizationEndpoint, string? TokenEndpoint);
