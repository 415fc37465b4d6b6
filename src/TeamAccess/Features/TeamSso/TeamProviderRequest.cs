namespace TeamAccess.TeamSso;

/// <summary>The settings of an OpenID Connect provider a team configures for itself.</summary>
public sealed class TeamProviderRequest
{
    /// <summary>Initializes a new instance of the <see cref="TeamProviderRequest"/> class.</summary>
    /// <param name="displayName">The name shown on the team's sign-in page, 1 to 100 characters.</param>
    /// <param name="issuer">The issuer: an HTTPS URL whose discovery document (<c>/.well-known/openid-configuration</c>) names exactly it.</param>
    /// <param name="clientId">The client id the provider issued to this site.</param>
    public TeamProviderRequest(string displayName, string issuer, string clientId)
    {
        DisplayName = displayName;
        Issuer = issuer;
        ClientId = clientId;
    }

    /// <summary>Gets the name shown on the team's sign-in page.</summary>
    public string DisplayName { get; }

    /// <summary>Gets the issuer.</summary>
    public string Issuer { get; }

    /// <summary>Gets the client id.</summary>
    public string ClientId { get; }

    /// <summary>
    /// Gets the client secret: required when adding; on a change, <see langword="null"/> keeps the stored one. Stored
    /// encrypted with the host's <see cref="TeamAccess.Accounts.ISecretProtector"/>, never returned, never logged.
    /// </summary>
    public string? ClientSecret { get; init; }

    /// <summary>Gets the scopes the sign-in asks for; <c>openid</c> is always among them. Default <c>openid email profile</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = ["openid", "email", "profile"];

    /// <summary>Gets the id_token claim that carries the user's email address. Default <c>email</c>.</summary>
    public string EmailClaim { get; init; } = "email";

    /// <summary>Gets whether the provider enforces a second factor itself.</summary>
    public bool RequiresSecondFactor { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"TeamProviderRequest {{ DisplayName = {DisplayName}, Issuer = {Issuer}, ClientId = {ClientId}, ClientSecret = [redacted] }}";
}
