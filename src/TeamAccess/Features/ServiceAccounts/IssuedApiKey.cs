namespace TeamAccess.ServiceAccounts;

/// <summary>
/// A key just made: its secret text is here once, and nowhere else (the store keeps only its hash). Show it to the
/// admin, never log it: <see cref="ToString"/> leaves it out.
/// </summary>
public sealed class IssuedApiKey
{
    internal IssuedApiKey(ApiKey key, string secret)
    {
        Key = key;
        Secret = secret;
    }

    /// <summary>Gets the key's description.</summary>
    public ApiKey Key { get; }

    /// <summary>Gets the key's full text (<c>ta_...</c>), which the caller sends as <c>Authorization: Bearer ta_...</c>.</summary>
    public string Secret { get; }

    /// <summary>Names the key without its secret.</summary>
    /// <returns>The key's id and expiry.</returns>
    public override string ToString() => $"IssuedApiKey {{ Id = {Key.Id}, ExpiresAt = {Key.ExpiresAt:O}, Secret = [redacted] }}";
}
