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

    /// <summary>
    /// Tells the owner of an address that someone tried to sign up with it (<see cref="IUserService.RequestSignUpAsync"/>
    /// answers that sign-up as it answers a fresh one, so the form tells nobody which addresses have accounts). The
    /// default sends nothing: implement it to send the owner a note with a sign-in and a password-reset link.
    /// </summary>
    /// <param name="message">The message; it carries no secret.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the message is handed over.</returns>
    ValueTask SendAccountExistsAsync(AccountExistsMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
