using Microsoft.Extensions.Logging;

namespace TeamAccess.Accounts;

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
