using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TeamAccess;

/// <summary>
/// Delivers password reset messages; the host registers one (mail). TeamAccess calls it after the reset token is
/// committed, and this is the only place the token ever leaves the library.
/// </summary>
public interface IPasswordResetSender
{
    /// <summary>Delivers one message.</summary>
    /// <param name="message">The message, with the secret reset token.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the message is handed over.</returns>
    ValueTask SendAsync(PasswordResetMessage message, CancellationToken cancellationToken);
}

/// <summary>A password reset to deliver to a user's address. Its <see cref="ToString"/> never shows the token.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Email">The user's address, where the message goes.</param>
/// <param name="Token">The secret, single-use reset token (put it in the link; never log it).</param>
/// <param name="ExpiresAt">When the token stops working.</param>
public sealed record PasswordResetMessage(UserId UserId, string Email, string Token, DateTimeOffset ExpiresAt)
{
    // The generated ToString would print the token.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"UserId = {UserId}, Email = {Email}, ExpiresAt = {ExpiresAt:O}");
        return true;
    }
}

/// <summary>The default sender: delivers nothing and logs that fact, without the token, so a host notices it must register one.</summary>
internal sealed class LoggingPasswordResetSender(ILogger<LoggingPasswordResetSender>? logger = null) : IPasswordResetSender
{
    private readonly ILogger _logger = logger ?? NullLogger<LoggingPasswordResetSender>.Instance;

    public ValueTask SendAsync(PasswordResetMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        _logger.LogWarning("No IPasswordResetSender is registered; the password reset of user {UserId} was not delivered", message.UserId);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Password reset tokens: the user id (16 bytes, so the look-up is by key) and 32 random bytes, base64url. Only the
/// SHA-256 of the random part is stored; it is compared in constant time.
/// </summary>
internal static class PasswordResetTokens
{
    private const int SecretBytes = 32;

    public static (string Token, string Hash) Create(UserId userId)
    {
        var bytes = new byte[16 + SecretBytes];
        userId.Value.TryWriteBytes(bytes);
        RandomNumberGenerator.Fill(bytes.AsSpan(16));
        var hash = UrlSafeBase64.Encode(SHA256.HashData(bytes.AsSpan(16)));
        var token = UrlSafeBase64.Encode(bytes);
        CryptographicOperations.ZeroMemory(bytes);
        return (token, hash);
    }

    public static bool TryRead(string? token, out UserId userId, out byte[] secretHash)
    {
        userId = default;
        secretHash = [];
        if (token is null || token.Length > 128 || !UrlSafeBase64.TryDecode(token, out var bytes) || bytes.Length != 16 + SecretBytes)
        {
            return false;
        }

        userId = new UserId(new Guid(bytes.AsSpan(0, 16)));
        secretHash = SHA256.HashData(bytes.AsSpan(16));
        return true;
    }

    public static bool Matches(string? storedHash, byte[] secretHash) =>
        storedHash is not null && UrlSafeBase64.TryDecode(storedHash, out var expected) && CryptographicOperations.FixedTimeEquals(expected, secretHash);
}
