namespace TeamAccess.Storage;

/// <summary>
/// The stored form of an invitation's secrets: only hashes. The link token (256 random bits) is stored as its SHA-256;
/// the short code, guessable offline, as a salted PBKDF2 key. Never returned by a read, never logged, never audited.
/// </summary>
/// <param name="TokenHash">The SHA-256 of the token's secret part, base64url.</param>
/// <param name="CodeHash">The PBKDF2-HMAC-SHA256 key of the short code, base64url.</param>
/// <param name="CodeSalt">The code's random salt, base64url.</param>
public sealed record InvitationSecret(string TokenHash, string CodeHash, string CodeSalt)
{
    /// <summary>Never prints the hashes: the short code's is guessable offline.</summary>
    /// <returns>A fixed text.</returns>
    public override string ToString() => "InvitationSecret { redacted }";
}
