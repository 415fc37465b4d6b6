using Microsoft.Extensions.Logging;

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
    public ValueTask SendAsync(PasswordResetMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return UndeliveredMessages.Log(logger, nameof(IPasswordResetSender), "password reset of user", message.UserId.Value);
    }
}
