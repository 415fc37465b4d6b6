using Microsoft.Extensions.Logging;

namespace TeamAccess;

/// <summary>
/// What the default senders (invitations, activation, password reset) do when the host registered none: deliver
/// nothing and say so as a warning, naming scalars only (a structured log sink would serialize a message object, its
/// secrets included), so a host notices it must register one.
/// </summary>
internal static partial class UndeliveredMessages
{
    public static ValueTask Log(ILogger? logger, string senderInterface, string what, Guid subject)
    {
        if (logger is not null)
        {
            NotDelivered(logger, senderInterface, what, subject);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 1900, EventName = "MessageNotDelivered", Level = LogLevel.Warning, Message = "No {SenderInterface} is registered; the {What} of {Subject} was not delivered")]
    private static partial void NotDelivered(ILogger logger, string senderInterface, string what, Guid subject);
}
