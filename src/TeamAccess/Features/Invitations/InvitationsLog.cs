using Microsoft.Extensions.Logging;

namespace TeamAccess.Invitations;

/// <summary>The Invitations room's log messages, source-generated, with stable event ids (1400-1499). No code, link or address is logged.</summary>
internal static partial class InvitationsLog
{
    [LoggerMessage(EventId = 1400, EventName = "WrongInvitationCode", Level = LogLevel.Warning, Message = "TeamAccess refused a wrong invitation code for membership {MembershipId}")]
    public static partial void WrongInvitationCode(this ILogger logger, MembershipId membershipId);

    [LoggerMessage(EventId = 1401, EventName = "InvitationCodeTriesExceeded", Level = LogLevel.Warning, Message = "TeamAccess refused an invitation code try at team {TeamId} unjudged: too many tries within the hour")]
    public static partial void InvitationCodeTriesExceeded(this ILogger logger, TeamId teamId);

    [LoggerMessage(EventId = 1402, EventName = "InvitationCodeLocked", Level = LogLevel.Warning, Message = "TeamAccess refused an invitation code for membership {MembershipId} unjudged: its code is locked after too many wrong tries")]
    public static partial void InvitationCodeLocked(this ILogger logger, MembershipId membershipId);

    [LoggerMessage(EventId = 1403, EventName = "InvitationNotDelivered", Level = LogLevel.Error, Message = "TeamAccess could not deliver the invitation of membership {MembershipId} in team {TeamId}: {ExceptionType}")]
    public static partial void InvitationNotDelivered(this ILogger logger, MembershipId membershipId, TeamId teamId, string exceptionType);
}
