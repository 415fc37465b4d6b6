using Microsoft.IdentityModel.Tokens;

namespace TeamAccess.Accounts;

/// <summary>How an OpenID Connect provider's id_tokens are validated. Validated when the provider is built.</summary>
public sealed class OidcProviderOptions
{
    /// <summary>Gets or sets the issuer every token must name (the <c>iss</c> claim).</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Gets or sets the audience every token must name: the client id the host registered at the provider.</summary>
    public string Audience { get; set; } = "";

    /// <summary>Gets the provider's signing keys, when configured directly. Only asymmetric keys are used.</summary>
    public IList<SecurityKey> SigningKeys { get; } = [];

    /// <summary>Gets or sets the provider's JWKS document (JSON), when configured as a document.</summary>
    public string? JsonWebKeySet { get; set; }

    /// <summary>
    /// Gets or sets how to fetch the provider's current JWKS document, for key rotation: called at the first use, again
    /// when a token names a key the held keys do not include, and when the held keys are older than
    /// <see cref="KeyMaxAge"/>; never more than once per <see cref="KeyRefreshInterval"/>. A call that fails, or that
    /// takes longer than <see cref="JsonWebKeySetLoadTimeout"/> (its token is then cancelled), keeps the keys held.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? JsonWebKeySetLoader { get; set; }

    /// <summary>
    /// Gets or sets whether every token must carry the nonce of its sign-in request (the caller then passes it). Default
    /// <see langword="false"/> for the authorization-code flow; set it for flows whose id_token travels through the browser.
    /// </summary>
    public bool RequireNonce { get; set; }

    /// <summary>
    /// Gets or sets whom the provider serves. Default <see cref="IdentityProviderScope.TeamBound"/>: a team's own SSO
    /// provider, accepted only by teams whose policy names it. Set <see cref="IdentityProviderScope.Global"/> for the host's
    /// own provider (such as Google), which every open team accepts.
    /// </summary>
    public IdentityProviderScope Scope { get; set; } = IdentityProviderScope.TeamBound;

    /// <summary>
    /// Gets the teams a <see cref="IdentityProviderScope.TeamBound"/> provider serves: only they may name it in their
    /// sign-in policy, and only for them does its authority over a domain verify the domain. Empty by default: no team
    /// may name it until the host binds it (here, or through an <see cref="TeamAccess.Accounts.ITeamProviderBinding"/> of its own).
    /// </summary>
    public ICollection<TeamId> Teams { get; } = new HashSet<TeamId>();

    /// <summary>
    /// Gets the email domains (lower-case, such as <c>acme.example</c>; exact match, no sub-domains) for which the host
    /// marks this provider authoritative: only for an address of one of them does the provider's verified email prove the
    /// address, so that the first sign-in of an identity not yet linked links to the confirmed user with that address, and
    /// a team whose SSO provider this is may have that domain verified. Empty by default: the provider's email never picks
    /// an existing account, and its identities link only by (issuer, subject), through an invitation, or on an account
    /// created from them.
    /// </summary>
    public IList<string> AuthoritativeDomains { get; } = [];

    /// <summary>Gets or sets the least time between two key fetches, and the back-off after a failed one. Default 5 minutes; 1 second to 1 hour.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets how long fetched keys are used before they are fetched again on a schedule, so that a key the
    /// provider withdrew stops being trusted. Default 12 hours; 1 minute to 24 hours.
    /// </summary>
    public TimeSpan KeyMaxAge { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Gets or sets how long one JWKS fetch may take before it counts as failed. Default 10 seconds; 1 second to 1 minute.</summary>
    public TimeSpan JsonWebKeySetLoadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the clock skew allowed on a token's lifetime. Default 2 minutes; at most 5.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets the accepted signature algorithms: asymmetric only, so a token signed with HMAC over a public key is refused.</summary>
    public IList<string> ValidAlgorithms { get; } =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>The id_token claim that carries the email (a team's provider may name another than <c>email</c>).</summary>
    internal string EmailClaim { get; set; } = "email";

    internal IEnumerable<string> Validate(string name)
    {
        if (!IdentityProviderNames.IsValid(name) || name == IdentityProviderNames.Password)
        {
            yield return $"An identity provider needs a name other than '{IdentityProviderNames.Password}' of 1 to {IdentityProviderNames.MaxLength} ASCII letters, digits, '-', '_' or '.'; '{name}' is not.";
        }

        if (!Enum.IsDefined(Scope))
        {
            yield return $"Identity provider '{name}': Scope {Scope} is not defined.";
        }

        foreach (var domain in AuthoritativeDomains)
        {
            if (!Domains.IsValid(domain))
            {
                yield return $"Identity provider '{name}': authoritative domain '{domain}' is not a lower-case domain name.";
            }
        }

        if (!Uri.TryCreate(Issuer, UriKind.Absolute, out _))
        {
            yield return $"Identity provider '{name}': Issuer must be an absolute URI.";
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return $"Identity provider '{name}': Audience (the client id) is required.";
        }

        if (SigningKeys.Count == 0 && JsonWebKeySet is null && JsonWebKeySetLoader is null)
        {
            yield return $"Identity provider '{name}': configure SigningKeys, JsonWebKeySet or JsonWebKeySetLoader.";
        }

        if (KeyRefreshInterval < TimeSpan.FromSeconds(1) || KeyRefreshInterval > TimeSpan.FromHours(1))
        {
            yield return $"Identity provider '{name}': KeyRefreshInterval must be between 1 second and 1 hour; it is {KeyRefreshInterval}.";
        }

        if (KeyMaxAge < TimeSpan.FromMinutes(1) || KeyMaxAge > TimeSpan.FromHours(24))
        {
            yield return $"Identity provider '{name}': KeyMaxAge must be between 1 minute and 24 hours; it is {KeyMaxAge}.";
        }

        if (JsonWebKeySetLoadTimeout < TimeSpan.FromSeconds(1) || JsonWebKeySetLoadTimeout > TimeSpan.FromMinutes(1))
        {
            yield return $"Identity provider '{name}': JsonWebKeySetLoadTimeout must be between 1 second and 1 minute; it is {JsonWebKeySetLoadTimeout}.";
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(5))
        {
            yield return $"Identity provider '{name}': ClockSkew must be between 0 and 5 minutes; it is {ClockSkew}.";
        }

        if (ValidAlgorithms.Any(a => a.StartsWith("HS", StringComparison.Ordinal) || a.Contains("hmac", StringComparison.OrdinalIgnoreCase) || a == "none"))
        {
            yield return $"Identity provider '{name}': only asymmetric signature algorithms are accepted.";
        }
    }
}
