using Microsoft.Extensions.Logging;

namespace TeamAccess.Import;

/// <summary>The Import room's log messages, source-generated, with stable event ids (1500-1599).</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 1500, EventName = "ImportDone", Level = LogLevel.Information, Message = "TeamAccess import {ImportId} by {Actor} done: {Rows} rows, {Skipped} skipped as committed before")]
    public static partial void ImportDone(this ILogger logger, string importId, string actor, long rows, long skipped);
}
