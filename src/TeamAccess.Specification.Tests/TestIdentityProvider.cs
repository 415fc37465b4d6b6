using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Accounts;

namespace TeamAccess.Specification.Tests;

/// <summary>
/// An OpenID Connect provider played by the test: it holds an RSA key (no network), and mints id_tokens that the library's
/// OIDC provider validates, or tampered ones it must refuse. It can rotate its key; the library fetches the new JWKS.
/// </summary>
/// <param name="name">The name the host registers it under.</param>
/// <param name="issuer">Its issuer.</param>
/// <param name="time">The clock its tokens are issued by.</param>
/// <param name="key">Its signing key; a new one when null (slow: prefer <see cref="SharedKey"/> where it never rotates).</param>
public sealed class TestIdentityProvider(string name, string issuer, FakeTimeProvider time, RsaSecurityKey? key = null)
{
    /// <summary>The audience (client id) of every token it mints.</summary>
    public const string Audience = "teamaccess-tests";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Gets the name the host registers it under.</summary>
    public string Name { get; } = name;

    /// <summary>Gets its issuer.</summary>
    public string Issuer { get; } = issuer;

    /// <summary>Gets its current signing key.</summary>
    public RsaSecurityKey Key { get; private set; } = key ?? NewKey();

    /// <summary>Gets how often the library fetched the JWKS document.</summary>
    public int JwksFetches { get; private set; }

    /// <summary>Configures the library's provider to fetch this provider's JWKS, as it would from the provider's jwks_uri.</summary>
    /// <param name="options">The library's provider options.</param>
    public void Configure(OidcProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Issuer = Issuer;
        options.Audience = Audience;
        options.JsonWebKeySetLoader = _ =>
        {
            JwksFetches++;
            return ValueTask.FromResult(Jwks());
        };
    }

    /// <summary>Replaces its signing key, as a provider rotating its keys does.</summary>
    public void RotateKey() => Key = NewKey();

    /// <summary>Its JWKS document: the public half of the current key.</summary>
    /// <returns>The document.</returns>
    public string Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key.Rsa.ExportParameters(false)) { KeyId = Key.KeyId });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        return $"{{\"keys\":[{System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["kty"] = jwk.Kty, ["kid"] = jwk.Kid, ["use"] = "sig", ["alg"] = jwk.Alg, ["n"] = jwk.N, ["e"] = jwk.E })}]}}";
    }

    /// <summary>Mints an id_token for <paramref name="subject"/>.</summary>
    /// <param name="subject">The <c>sub</c> claim.</param>
    /// <param name="email">The <c>email</c> claim, if any.</param>
    /// <param name="emailVerified">The <c>email_verified</c> claim, with an email.</param>
    /// <param name="nonce">The <c>nonce</c> claim, if any.</param>
    /// <param name="tweak">Changes the token before it is signed.</param>
    /// <returns>The token.</returns>
    public string Mint(string subject, string? email = null, bool emailVerified = true, string? nonce = null, Action<SecurityTokenDescriptor>? tweak = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (email is not null)
        {
            claims["email"] = email;
            claims["email_verified"] = emailVerified;
        }

        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            Claims = claims,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        };
        tweak?.Invoke(descriptor);
        return _handler.CreateToken(descriptor);
    }

    /// <summary>A token credential for the library's sign-in.</summary>
    /// <param name="subject">The <c>sub</c> claim.</param>
    /// <param name="email">The <c>email</c> claim, if any.</param>
    /// <param name="emailVerified">The <c>email_verified</c> claim, with an email.</param>
    /// <returns>The credential.</returns>
    public SignInCredential Credential(string subject, string? email = null, bool emailVerified = true) =>
        SignInCredential.ForToken(Name, Mint(subject, email, emailVerified));

    /// <summary>Gets a key made once per test run, for a provider whose key never rotates: RSA key generation is slow.</summary>
    public static RsaSecurityKey SharedKey { get; } = NewKey();

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N")[..12] };
}
