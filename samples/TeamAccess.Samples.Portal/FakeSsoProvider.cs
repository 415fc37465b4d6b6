using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;

namespace TeamAccess.Samples.Portal;

/// <summary>
/// A stand-in for a team's OpenID Connect provider (its Okta, its Keycloak realm), hosted by the portal itself so that "Log
/// in with team SSO" can be tried without one: its RSA key is made at start, its page (/FakeSso) signs in whoever types an
/// address of <see cref="Domain"/>, and it posts the portal an id_token as a real provider's implicit flow with
/// response_mode=form_post would. Never use it outside development: it asks for no password, so the portal registers it
/// only while <see cref="PortalDevelopmentFeatures.StandInSso"/> is on.
/// </summary>
public sealed class FakeSsoProvider : ITeamProviderBinding
{
    /// <summary>The name the portal registers the provider under, and that a team's sign-in policy names.</summary>
    public const string Name = "portal-sso";

    /// <summary>The provider's issuer.</summary>
    public const string Issuer = "https://sso.portal.invalid/";

    /// <summary>The client id the portal has at the provider: the audience of its tokens.</summary>
    public const string ClientId = "teamaccess-portal";

    /// <summary>The email domain whose people the provider signs in, and for which the portal trusts its verified emails.</summary>
    public const string Domain = "sso.example";

    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Gets the provider's signing key, made when the portal starts.</summary>
    public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N")[..12] };

    /// <summary>The stand-in serves every team of the portal (a development convenience): it is the binding for its name.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Unused.</param>
    /// <returns>Whether the provider is the stand-in.</returns>
    public ValueTask<bool> ServesAsync(string provider, TeamId teamId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(provider == Name);

    /// <summary>Tells TeamAccess how to validate the provider's tokens: its issuer, the portal's client id and the public key.</summary>
    /// <param name="options">The OIDC provider's options.</param>
    public void Configure(OidcProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Issuer = Issuer;
        options.Audience = ClientId;
        options.SigningKeys.Add(new RsaSecurityKey(Key.Rsa.ExportParameters(false)) { KeyId = Key.KeyId });
        options.AuthoritativeDomains.Add(Domain);

        // The id_token travels through the browser: it must carry the nonce of the sign-in that asked for it.
        options.RequireNonce = true;
    }

    /// <summary>Issues an id_token for a person of <see cref="Domain"/>, for the sign-in that sent <paramref name="nonce"/>.</summary>
    /// <param name="email">The person's address; their subject at the provider is derived from it.</param>
    /// <param name="nonce">The nonce of the portal's sign-in request.</param>
    /// <returns>The token.</returns>
    public string Issue(string email, string nonce)
    {
        var subject = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..24];
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["email"] = email, ["email_verified"] = true, ["nonce"] = nonce },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Tells whether the provider knows <paramref name="email"/>: an address of its domain.</summary>
    /// <param name="email">The address typed on its page.</param>
    /// <returns><see langword="true"/> when it signs that person in.</returns>
    public static bool Knows(string? email) =>
        email is { Length: > 0 } && email.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase) && email.IndexOf('@', StringComparison.Ordinal) > 0;
}
