using Microsoft.Extensions.Logging;

namespace TeamAccess.Accounts;

/// <summary>
/// Delivers activation messages (the link that confirms a new account's email address); the host registers one. Called
/// after the user is committed, once per committed send. This is the only place an activation token leaves the library.
/// </summary>
public interface IEmailConfirmationSender
{
    /// <summary>Delivers one message.</summary>
    /// <param name="message">The message, with the secret activation token.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the message is handed over.</returns>
    ValueTask SendAsync(EmailConfirmationMessage message, CancellationToken cancellationToken);
}
