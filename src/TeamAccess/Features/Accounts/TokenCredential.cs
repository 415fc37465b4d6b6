namespace TeamAccess.Accounts;

/// <summary>A token for an external provider.</summary>
internal sealed class TokenCredential(string provider, string token, string? nonce) : SignInCredential
{
    // A missing token or provider is refused by the service with a code (InvalidToken, UnknownProvider), not a crash.
    public string Token { get; } = token ?? "";

    public string? Nonce { get; } = nonce;

    public override string Provider { get; } = provider ?? "";
}
