using Microsoft.IdentityModel.Tokens;

namespace TeamAccess;

/// <summary>How session tokens are issued and validated.</summary>
public sealed class SessionOptions
{
    /// <summary>Gets or sets the issuer named in session tokens. Default <c>teamaccess</c>.</summary>
    public string Issuer { get; set; } = "teamaccess";

    /// <summary>Gets or sets the audience named in session tokens. Default <c>teamaccess</c>.</summary>
    public string Audience { get; set; } = "teamaccess";

    /// <summary>Gets or sets how long a session token lives. Default 1 hour; 1 minute to 1 day.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the absolute maximum age of a session, counted from the original sign-in: no token of the session
    /// (switching teams included, which keeps the original sign-in time) is issued or validates past it. Default 12
    /// hours; 1 minute to 30 days.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Gets or sets the clock skew allowed when validating. Default 2 minutes; at most 5.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets the signing keys: the first signs new tokens, every one validates, so keys rotate without signing anybody
    /// out (add the new key first, keep the old one until its tokens have expired). Asymmetric keys (ECDSA, RSA) or
    /// HMAC keys of at least 256 bits. Several host instances must share them. When empty, each process makes an
    /// ephemeral ECDSA P-256 key at start (and logs a warning): sessions then die with the process.
    /// </summary>
    public IList<SecurityKey> SigningKeys { get; } = [];

    /// <summary>
    /// Gets or sets whether validating a session reads the store on every call. Default <see langword="false"/>: a
    /// session is validated from the permission index (a signature check and a lookup, no query), so a change made on
    /// another instance (a removal, a demotion, a policy change) ends a session there within the change feed's
    /// staleness bound; the store is read only when the index cannot confirm the session. <see langword="true"/> reads
    /// the store every time, for hosts that want such changes to take effect at once everywhere.
    /// </summary>
    public bool ValidateAgainstStore { get; set; }

    /// <summary>
    /// Gets or sets how many sessions of one user an instance remembers (the store's answer to whether each was signed
    /// out); past it the oldest remembered ones are forgotten, and a forgotten session's next validation reads the store
    /// again, so the cap bounds memory without changing an answer. Default 64; 1 to 10,000.
    /// </summary>
    public int MaxCachedSessionsPerUser { get; set; } = 64;

    internal IEnumerable<string> Validate()
    {
        if (MaxCachedSessionsPerUser is < 1 or > 10_000)
        {
            yield return $"Sessions.MaxCachedSessionsPerUser must be between 1 and 10,000; it is {MaxCachedSessionsPerUser}.";
        }

        if (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience))
        {
            yield return "Sessions.Issuer and Sessions.Audience are required.";
        }

        if (Lifetime < TimeSpan.FromMinutes(1) || Lifetime > TimeSpan.FromDays(1))
        {
            yield return $"Sessions.Lifetime must be between 1 minute and 1 day; it is {Lifetime}.";
        }

        if (MaxAge < TimeSpan.FromMinutes(1) || MaxAge > TimeSpan.FromDays(30))
        {
            yield return $"Sessions.MaxAge must be between 1 minute and 30 days; it is {MaxAge}.";
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(5))
        {
            yield return $"Sessions.ClockSkew must be between 0 and 5 minutes; it is {ClockSkew}.";
        }

        // The first key signs: one with only a public part would fail at the first sign-in instead of here.
        if (SigningKeys.Count > 0 && SigningKeys[0] is AsymmetricSecurityKey { PrivateKeyStatus: PrivateKeyStatus.DoesNotExist })
        {
            yield return $"Sessions.SigningKeys: the first key signs new sessions, but this {SigningKeys[0].GetType().Name} has no private key; put a key with its private part first (keys with only a public part may follow, to validate).";
        }

        foreach (var key in SigningKeys)
        {
            if (SigningAlgorithmFor(key) is null)
            {
                yield return $"Sessions.SigningKeys: a {key.GetType().Name} cannot sign sessions; use ECDSA, RSA (2048 bits or more) or an HMAC key of 256 bits or more.";
            }
        }
    }

    /// <summary>The one algorithm a key signs sessions with, or <see langword="null"/> when it is not fit to.</summary>
    internal static string? SigningAlgorithmFor(SecurityKey key) => key switch
    {
        ECDsaSecurityKey ec => ec.KeySize switch
        {
            256 => SecurityAlgorithms.EcdsaSha256,
            384 => SecurityAlgorithms.EcdsaSha384,
            521 => SecurityAlgorithms.EcdsaSha512,
            _ => null,
        },
        RsaSecurityKey or X509SecurityKey when key.KeySize >= 2048 => SecurityAlgorithms.RsaSha256,
        SymmetricSecurityKey symmetric when symmetric.KeySize >= 256 => SecurityAlgorithms.HmacSha256,
        _ => null,
    };
}
