using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamAccess;
using TeamAccess.Accounts;

/// <summary>
/// The tour plays a team's single sign-on provider ("acme-sso") itself: it holds an RSA key and signs id_tokens, which
/// TeamAccess validates exactly as it would a real provider's (issuer, audience, lifetime, signature against the
/// provider's JWKS). A real host points <see cref="Configure"/> at the provider's published keys instead.
/// </summary>
internal sealed class TourIdentityProvider(TimeProvider clock) : ITeamProviderBinding
{
    public const string Name = "acme-sso";
    private const string Issuer = "https://sso.acme.example";
    private const string Audience = "teamaccess-tour";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "tour-key" };

    public void Configure(OidcProviderOptions options)
    {
        options.Issuer = Issuer;
        options.Audience = Audience;
        options.SigningKeys.Add(new RsaSecurityKey(_key.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = _key.KeyId });

        // Team-bound (the default): a team's SSO, accepted only by teams that name it, and named only by the teams the host
        // bound it to (Bind). The host vouches that it proves
        // example.com addresses, so its verified email may link a first sign-in to the account with that address.
        options.AuthoritativeDomains.Add("example.com");
    }

    private readonly HashSet<TeamId> _teams = [];

    /// <summary>The host binds its customer's SSO to that customer's team: only a bound team may name it.</summary>
    public void Bind(TeamId teamId)
    {
        lock (_teams)
        {
            _teams.Add(teamId);
        }
    }

    public ValueTask<bool> ServesAsync(string provider, TeamId teamId, CancellationToken cancellationToken)
    {
        lock (_teams)
        {
            return ValueTask.FromResult(provider == Name && _teams.Contains(teamId));
        }
    }

    /// <summary>What the provider hands back after the person signed in there.</summary>
    public SignInCredential SignIn(string subject, string email)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["email"] = email, ["email_verified"] = true },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return SignInCredential.ForToken(Name, token);
    }
}
