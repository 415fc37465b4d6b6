namespace TeamAccess.Storage;

/// <summary>
/// A WebAuthn ceremony's challenge, waiting for its answer: found by the SHA-256 hash of the random id the client holds
/// (a cookie of the browser that began it), taken once, and dead after <see cref="ExpiresAt"/>.
/// </summary>
/// <param name="IdHash">The lower-case hex SHA-256 hash of the challenge's id; the id itself is never stored.</param>
/// <param name="UserId">The user the ceremony is for; <see langword="null"/> for a sign-in with a passkey alone (the passkey names the user).</param>
/// <param name="Options">The options sent to the browser (JSON), which the answer is verified against.</param>
/// <param name="ExpiresAt">When it stops being accepted.</param>
public sealed record StoredPasskeyChallenge(string IdHash, UserId? UserId, string Options, DateTimeOffset ExpiresAt)
{
    /// <summary>Prints the challenge without the hash that finds it.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns><see langword="true"/>.</returns>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("UserId = ").Append(UserId).Append(", ExpiresAt = ").Append(ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
