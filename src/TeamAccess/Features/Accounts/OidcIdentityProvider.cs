using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamAccess.Accounts;

/// <summary>
/// An OpenID Connect provider: validates id_tokens with Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>
/// against the provider's keys (configured, or a JWKS document that is fetched again when a token names a key not seen
/// yet, so the provider can rotate its keys, and on a schedule, so a key the provider withdrew stops being trusted),
/// issuer, audience, lifetime with a small explicit clock skew, and nonce. A fetch that fails or outlasts its own
/// time-out keeps the keys held and is not tried again before the refresh interval has passed.
/// Unsigned tokens, stripped signatures, symmetric algorithms (an HMAC made with a public key) and tokens whose header
/// points at keys of their own (<c>jku</c>, <c>jwk</c>, <c>x5u</c>, <c>x5c</c>) are refused. Time comes from <see cref="TimeProvider"/>.
/// </summary>
internal sealed class OidcIdentityProvider : IIdentityProvider, IDisposable
{
    private const int MaxTokenLength = 16 * 1024;
    private static readonly string[] KeyPointingHeaders = ["jku", "jwk", "x5u", "x5c"];

    private readonly OidcProviderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly ImmutableArray<SecurityKey> _configuredKeys;
    private readonly ImmutableHashSet<string> _authoritativeDomains;
    private KeySet _keys;

    public OidcIdentityProvider(string name, OidcProviderOptions options, TimeProvider time, ILogger<OidcIdentityProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var errors = options.Validate(name).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        Name = name;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger<OidcIdentityProvider>.Instance;
        _configuredKeys = [.. Asymmetric(options.SigningKeys)];
        _authoritativeDomains = ImmutableHashSet.CreateRange(StringComparer.Ordinal, options.AuthoritativeDomains);
        Scope = options.Scope;
        _keys = new KeySet(options.JsonWebKeySet is { } jwks ? [.. _configuredKeys, .. Parse(jwks)] : _configuredKeys, DateTimeOffset.MinValue, DateTimeOffset.MinValue);
    }

    /// <summary>Whether the host bound this provider to the team (<see cref="OidcProviderOptions.Teams"/>).</summary>
    public bool Serves(TeamId teamId) => _options.Teams.Contains(teamId);

    public string Name { get; }

    public IdentityProviderScope Scope { get; }

    public bool IsAuthoritativeFor(string domain) => _authoritativeDomains.Contains(domain);

    public void Dispose() => _refresh.Dispose();

    public async ValueTask<Result<ExternalIdentity>> ValidateAsync(string token, string? nonce, CancellationToken cancellationToken)
    {
        if (token is null || token.Length > MaxTokenLength || !_handler.CanReadToken(token))
        {
            return Refused("it is not a JWT");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or JsonException)
        {
            // A part that is not base64url (IDX10400 is a FormatException) or not JSON: not a token, not a crash.
            return Refused("it is not a JWT");
        }

        if (jwt.IsEncrypted)
        {
            // Five parts (JWE): an id_token here is signed, never encrypted.
            return Refused("it is encrypted");
        }

        if (KeyPointingHeaders.Any(header => jwt.TryGetHeaderValue<object>(header, out _)))
        {
            return Refused("its header points at keys of its own");
        }

        var keys = await KeysAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
        var result = await _handler.ValidateTokenAsync(token, Parameters(keys)).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException && _options.JsonWebKeySetLoader is not null)
        {
            // The provider may have rotated its keys since the last fetch.
            keys = await KeysAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
            result = await _handler.ValidateTokenAsync(token, Parameters(keys)).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            return Refused(result.Exception?.GetType().Name ?? "it did not validate");
        }

        if (!jwt.TryGetPayloadValue<string>("sub", out var subject) || string.IsNullOrEmpty(subject))
        {
            return Refused("it has no subject");
        }

        if ((nonce is null && _options.RequireNonce)
            || (nonce is not null && (!jwt.TryGetPayloadValue<string>("nonce", out var carried) || !string.Equals(carried, nonce, StringComparison.Ordinal))))
        {
            return Refused("its nonce is missing or does not match");
        }

        // An access token of the same issuer and audience is not an id_token (RFC 9068 types it at+jwt); a token for
        // several audiences must name this client as its authorized party.
        if (jwt.Typ is { } typ && typ.EndsWith("at+jwt", StringComparison.OrdinalIgnoreCase))
        {
            return Refused("it is an access token");
        }

        if (jwt.Audiences.Count() > 1 && (!jwt.TryGetPayloadValue<string>("azp", out var azp) || !string.Equals(azp, _options.Audience, StringComparison.Ordinal)))
        {
            return Refused("it names several audiences but not this client as its authorized party");
        }

        jwt.TryGetPayloadValue<string>(_options.EmailClaim, out var email);
        return Result<ExternalIdentity>.Ok(new ExternalIdentity(Name, jwt.Issuer, subject, email, EmailVerified(jwt)) { ProvedMultipleFactors = MultipleFactors(jwt) });
    }

    /// <summary>The OpenID Provider Authentication Policy Extension's multi-factor policy, as an <c>acr</c> value.</summary>
    internal const string MultiFactorAcr = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";

    /// <summary>Whether the token says several factors were proven: <c>amr</c> holds <c>mfa</c> (RFC 8176 section 2), or <c>acr</c> is PAPE's multi-factor policy.</summary>
    private static bool MultipleFactors(JsonWebToken jwt) =>
        jwt.Claims.Any(c => (c.Type == "amr" && string.Equals(c.Value, AuthenticationMethods.MultipleFactors, StringComparison.Ordinal))
            || (c.Type == "acr" && string.Equals(c.Value, MultiFactorAcr, StringComparison.Ordinal)));

    private static bool EmailVerified(JsonWebToken jwt) =>
        (jwt.TryGetPayloadValue<bool>("email_verified", out var verified) && verified)
        || (jwt.TryGetPayloadValue<string>("email_verified", out var text) && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<SecurityKey> Asymmetric(IEnumerable<SecurityKey> keys) =>
        keys.Where(k => k is AsymmetricSecurityKey || (k is JsonWebKey jwk && jwk.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve));

    private static IEnumerable<SecurityKey> Parse(string jwks)
    {
        try
        {
            return Asymmetric(new JsonWebKeySet(jwks).GetSigningKeys());
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException)
        {
            throw new InvalidOperationException("The identity provider's JWKS document is not valid JSON Web Key Set.", ex);
        }
    }

    private Result<ExternalIdentity> Refused(string why)
    {
        // The reason is for operators; the token itself is never logged.
        _logger.ProviderTokenRefused(Name, why);
        return Result<ExternalIdentity>.Failed(TeamAccessErrorCode.InvalidToken);
    }

    private TokenValidationParameters Parameters(IReadOnlyCollection<SecurityKey> keys) => new()
    {
        ValidIssuer = _options.Issuer,
        ValidAudience = _options.Audience,
        IssuerSigningKeys = keys,
        ValidAlgorithms = [.. _options.ValidAlgorithms],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        TryAllIssuerSigningKeys = true,
        ClockSkew = _options.ClockSkew,
        LifetimeValidator = IsWithinLifetime,
    };

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now < exp + parameters.ClockSkew && (notBefore is not { } nbf || now >= nbf - parameters.ClockSkew);
    }

    private async ValueTask<IReadOnlyCollection<SecurityKey>> KeysAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _keys);
        var loader = _options.JsonWebKeySetLoader;
        if (loader is null || !IsDue(current, forceRefresh, _time.GetUtcNow()))
        {
            return current.Keys;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(Volatile.Read(ref _keys), current))
            {
                return _keys.Keys;
            }

            IEnumerable<SecurityKey> fetched;
            try
            {
                // The fetch has its own time-out, on the injected clock, whether or not the loader observes its token.
                using var timeout = new CancellationTokenSource(_options.JsonWebKeySetLoadTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                var document = await loader(linked.Token).AsTask().WaitAsync(_options.JsonWebKeySetLoadTimeout, _time, linked.Token).ConfigureAwait(false);
                fetched = Parse(document);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Unreachable, too slow (a time-out the caller did not ask for is a failure like any other) or junk: keep
                // the keys held, and wait an interval before asking again.
                _logger.ProviderKeysNotRefreshed(Name, ex.GetType().Name);
                Volatile.Write(ref _keys, current with { NextAttemptAt = _time.GetUtcNow() + _options.KeyRefreshInterval });
                return current.Keys;
            }

            var now = _time.GetUtcNow();
            var next = new KeySet([.. _configuredKeys, .. fetched], now, now + _options.KeyRefreshInterval);
            Volatile.Write(ref _keys, next);
            _logger.ProviderKeysLoaded(next.Keys.Length - _configuredKeys.Length, Name);
            return next.Keys;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// A fetch is due when none succeeded yet, when a token names a key not held (<paramref name="forceRefresh"/>), or when
    /// the keys are older than <see cref="OidcProviderOptions.KeyMaxAge"/>; never before the back-off of the last attempt.
    /// </summary>
    private bool IsDue(KeySet current, bool forceRefresh, DateTimeOffset now) =>
        now >= current.NextAttemptAt
        && (current.LoadedAt == DateTimeOffset.MinValue || forceRefresh || now - current.LoadedAt >= _options.KeyMaxAge);

    /// <summary>The keys held, when they were last loaded, and the earliest time of the next fetch.</summary>
    private sealed record KeySet(ImmutableArray<SecurityKey> Keys, DateTimeOffset LoadedAt, DateTimeOffset NextAttemptAt);
}
