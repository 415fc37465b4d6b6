using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamAccess.Tests;

/// <summary>
/// An OpenID Connect provider played by the test: it holds an RSA key (no network), and mints id_tokens that the library's
/// OIDC provider validates, or tampered ones it must refuse. It can rotate its key; the library fetches the new JWKS.
/// </summary>
internal sealed class TestIdentityProvider(string name, string issuer, FakeTimeProvider time, RsaSecurityKey? key = null)
{
    public const string Audience = "teamaccess-tests";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Name { get; } = name;

    public string Issuer { get; } = issuer;

    public RsaSecurityKey Key { get; private set; } = key ?? NewKey();

    /// <summary>How often the library fetched the JWKS document.</summary>
    public int JwksFetches { get; private set; }

    /// <summary>Configures the library's provider to fetch this provider's JWKS, as it would from the provider's jwks_uri.</summary>
    public void Configure(OidcProviderOptions options)
    {
        options.Issuer = Issuer;
        options.Audience = Audience;
        options.JsonWebKeySetLoader = _ =>
        {
            JwksFetches++;
            return ValueTask.FromResult(Jwks());
        };
    }

    public void RotateKey() => Key = NewKey();

    public string Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key.Rsa.ExportParameters(false)) { KeyId = Key.KeyId });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        return $"{{\"keys\":[{System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["kty"] = jwk.Kty, ["kid"] = jwk.Kid, ["use"] = "sig", ["alg"] = jwk.Alg, ["n"] = jwk.N, ["e"] = jwk.E })}]}}";
    }

    /// <summary>Mints an id_token for <paramref name="subject"/>.</summary>
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
    public SignInCredential Credential(string subject, string? email = null, bool emailVerified = true) =>
        SignInCredential.ForToken(Name, Mint(subject, email, emailVerified));

    /// <summary>A key made once per test run, for a provider whose key never rotates: RSA key generation is slow.</summary>
    public static RsaSecurityKey SharedKey { get; } = NewKey();

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N")[..12] };
}
