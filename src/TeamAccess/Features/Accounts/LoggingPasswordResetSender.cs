using Microsoft.Extensions.Logging;

namespace TeamAccess.Accounts;

/// <summary>The default sender: delivers nothing and logs that fact, without the token, so a host notices it must register one.</summary>
internal sealed class LoggingPasswordResetSender(ILogger<LoggingPasswordResetSender>? logger = null) : IPasswordResetSender
{
    public ValueTask SendAsync(PasswordResetMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return UndeliveredMessages.Log(logger, nameof(IPasswordResetSender), "password reset of user", message.UserId.Value);
    }
}
