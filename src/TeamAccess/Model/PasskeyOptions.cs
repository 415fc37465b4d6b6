namespace TeamAccess;

/// <summary>
/// The WebAuthn relying party that passkeys are registered to, and how long a ceremony's challenge lives. Passkeys are off
/// while <see cref="RelyingPartyId"/> is empty; set, it and <see cref="Origins"/> are validated at start.
/// </summary>
public sealed class PasskeyOptions
{
    /// <summary>
    /// Gets or sets the relying party id: the registrable domain the passkeys are scoped to, such as <c>example.com</c>
    /// (lower case, no scheme, port or path). Every origin must be this domain or a subdomain of it. Empty: passkeys off.
    /// </summary>
    public string? RelyingPartyId { get; set; }

    /// <summary>Gets or sets the name an authenticator shows for the relying party. Default <c>TeamAccess</c>; 1 to 100 characters.</summary>
    public string RelyingPartyName { get; set; } = "TeamAccess";

    /// <summary>
    /// Gets the origins a ceremony may come from, such as <c>https://app.example.com</c>: HTTPS (HTTP only for
    /// <c>localhost</c>), no path, on <see cref="RelyingPartyId"/> or a subdomain of it. At least one when passkeys are on.
    /// </summary>
    public IList<string> Origins { get; } = [];

    /// <summary>Gets or sets how long a ceremony's challenge may be answered (once). Default 5 minutes; 30 seconds to 10 minutes.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets whether passkeys are configured.</summary>
    internal bool Enabled => !string.IsNullOrEmpty(RelyingPartyId);

    internal IEnumerable<string> Validate()
    {
        if (ChallengeLifetime < TimeSpan.FromSeconds(30) || ChallengeLifetime > TimeSpan.FromMinutes(10))
        {
            yield return $"Passkeys.ChallengeLifetime must be between 30 seconds and 10 minutes; it is {ChallengeLifetime}.";
        }

        if (string.IsNullOrWhiteSpace(RelyingPartyName) || RelyingPartyName.Length > 100)
        {
            yield return "Passkeys.RelyingPartyName needs 1 to 100 characters.";
        }

        if (!Enabled)
        {
            yield break;
        }

        var rpId = RelyingPartyId!;
        if (rpId.Length > 253 || !string.Equals(rpId, rpId.ToLowerInvariant(), StringComparison.Ordinal) || Uri.CheckHostName(rpId) != UriHostNameType.Dns)
        {
            yield return $"Passkeys.RelyingPartyId must be a lower-case domain name without scheme, port or path; it is '{rpId}'.";
            yield break;
        }

#if !NET10_0_OR_GREATER
        yield return "Passkeys need the net10.0 build of TeamAccess (its WebAuthn verifier, Fido2, is not built for net8.0); leave Passkeys.RelyingPartyId empty.";
#endif

        if (Origins.Count == 0)
        {
            yield return "Passkeys.Origins needs at least one origin, such as https://" + rpId + ".";
        }

        foreach (var origin in Origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || origin.EndsWith('/') || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)
                || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && uri.Host == "localhost"))
                || !(uri.Host == rpId || uri.Host.EndsWith("." + rpId, StringComparison.Ordinal)))
            {
                yield return $"Passkeys.Origins: '{origin}' must be an https origin (http only for localhost) without a path, on {rpId} or a subdomain of it.";
            }
        }
    }
}
