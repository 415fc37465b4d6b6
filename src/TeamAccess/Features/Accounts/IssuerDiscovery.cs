namespace TeamAccess.Accounts;

/// <summary>What an issuer's discovery document says the sign-in needs (the exchange endpoint is its token endpoint).</summary>
internal sealed record IssuerDiscovery(string JwksUri, string? AuthorizationEndpoint, string? ExchangeEndpoint);
