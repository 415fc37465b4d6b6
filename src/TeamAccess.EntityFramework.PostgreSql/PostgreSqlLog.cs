using Microsoft.Extensions.Logging;

namespace TeamAccess.EntityFramework.PostgreSql;

/// <summary>The PostgreSQL package's log messages, source-generated, with stable event ids (1800-1899).</summary>
internal static partial class PostgreSqlLog
{
    [LoggerMessage(EventId = 1800, EventName = "NotificationsListening", Level = LogLevel.Debug, Message = "TeamAccess is listening for change-feed notifications")]
    public static partial void NotificationsListening(this ILogger logger);

    [LoggerMessage(EventId = 1801, EventName = "NotificationsLost", Level = LogLevel.Warning, Message = "TeamAccess lost its change-feed notification connection; listening again in {Pause} (polling continues meanwhile)")]
    public static partial void NotificationsLost(this ILogger logger, Exception exception, TimeSpan pause);
}
