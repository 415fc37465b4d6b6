using Microsoft.Extensions.Logging;

namespace TeamAccess.Accounts;

/// <summary>The default sender: delivers nothing and logs that fact, without the token, so a host notices it must register one.</summary>
internal sealed class LoggingEmailConfirmationSender(ILogger<LoggingEmailConfirmationSender>? logger = null) : IEmailConfirmationSender
{
    public ValueTask SendAsync(EmailConfirmationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return UndeliveredMessages.Log(logger, nameof(IEmailConfirmationSender), "activation message of user", message.UserId.Value);
    }

    public ValueTask SendAccountExistsAsync(AccountExistsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return UndeliveredMessages.Log(logger, nameof(IEmailConfirmationSender), "account-exists note of user", message.UserId.Value);
    }
}
