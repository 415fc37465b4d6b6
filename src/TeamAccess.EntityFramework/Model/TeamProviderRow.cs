namespace TeamAccess.EntityFramework;

internal sealed class TeamProviderRow
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public string DisplayName { get; set; } = "";

    public string Issuer { get; set; } = "";

    public string ClientId { get; set; } = "";

    // The client secret as the host's ISecretProtector made it; never the secret.
    public string ProtectedClientSecret { get; set; } = "";

    public string Scopes { get; set; } = "";

    public string EmailClaim { get; set; } = "";

    public bool RequiresSecondFactor { get; set; }

    public TeamProviderState State { get; set; }

    public string? JwksUri { get; set; }

    public string? AuthorizationEndpoint { get; set; }

    public string? TokenEndpoint { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
