using Microsoft.Extensions.Logging;

namespace TeamAccess.Invitations;

/// <summary>The default sender: delivers nothing and logs that fact, without the secret, so a host notices it must register one.</summary>
internal sealed class LoggingInvitationSender(ILogger<LoggingInvitationSender>? logger = null) : IInvitationSender
{
    public ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return UndeliveredMessages.Log(logger, nameof(IInvitationSender), "invitation of membership", message.MembershipId.Value);
    }
}
