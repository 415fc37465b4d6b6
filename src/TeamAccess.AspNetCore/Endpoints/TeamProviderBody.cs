namespace TeamAccess.AspNetCore;

/// <summary>
/// A team's own OIDC provider to add, change or test: display name, issuer and client id required; the client secret on
/// adding (on a change, absent keeps the stored one). The secret is never returned.
/// </summary>
internal sealed record TeamProviderBody(string? DisplayName, string? Issuer, string? ClientId, string? ClientSecret, IReadOnlyList<string>? Scopes, string? EmailClaim, bool? RequiresSecondFactor)
{
    public override string ToString() => $"TeamProviderBody {{ DisplayName = {DisplayName}, Issuer = {Issuer}, ClientId = {ClientId}, ClientSecret = [redacted] }}";

    public TeamSso.TeamProviderRequest ToRequest() => new(DisplayName!, Issuer!, ClientId!)
    {
        ClientSecret = ClientSecret,
        Scopes = Scopes ?? ["openid", "email", "profile"],
        EmailClaim = EmailClaim ?? "email",
        RequiresSecondFactor = RequiresSecondFactor ?? false,
    };
}
