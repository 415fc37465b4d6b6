using Microsoft.Extensions.Logging;

namespace TeamAccess.TeamSso;

/// <summary>The TeamSso room's log messages, source-generated, with stable event ids (1600-1699).</summary>
internal static partial class TeamSsoLog
{
    [LoggerMessage(EventId = 1600, EventName = "TxtLookupFailed", Level = LogLevel.Information, Message = "TeamAccess could not look up the TXT records of {Domain}: {ExceptionType}")]
    public static partial void TxtLookupFailed(this ILogger logger, string domain, string exceptionType);
}
