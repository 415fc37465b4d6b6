using Microsoft.Extensions.Logging;

namespace TeamAccess.Index;

/// <summary>The Index room's log messages, source-generated, with stable event ids (1100-1199).</summary>
internal static partial class IndexLog
{
    [LoggerMessage(EventId = 1100, EventName = "FeedFollowedAgain", Level = LogLevel.Information, Message = "TeamAccess is following the change feed again, at position {Position}")]
    public static partial void FeedFollowedAgain(this ILogger logger, long position);

    [LoggerMessage(EventId = 1101, EventName = "FeedReadFailed", Level = LogLevel.Debug, Message = "TeamAccess could not read the change feed")]
    public static partial void FeedReadFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1102, EventName = "FeedStale", Level = LogLevel.Warning, Message = "TeamAccess has not read the change feed for {Elapsed}, longer than the staleness bound {Bound}: permission checks {Answer} until it can")]
    public static partial void FeedStale(this ILogger logger, Exception exception, TimeSpan elapsed, TimeSpan bound, string answer);

    [LoggerMessage(EventId = 1103, EventName = "FeedNotifierStopped", Level = LogLevel.Warning, Message = "TeamAccess change-feed notifier {Notifier} stopped; following by polling alone")]
    public static partial void FeedNotifierStopped(this ILogger logger, Exception exception, string notifier);
}
