using Microsoft.Extensions.Logging;

namespace TeamAccess.Writes;

/// <summary>The Writes room's log messages, source-generated, with stable event ids (1000-1099).</summary>
internal static partial class WritesLog
{
    [LoggerMessage(EventId = 1000, EventName = "WriteRefused", Level = LogLevel.Debug, Message = "TeamAccess {Operation} by {Actor} refused: {Code}")]
    public static partial void WriteRefused(this ILogger logger, string operation, UserId? actor, TeamAccessErrorCode code);

    [LoggerMessage(EventId = 1001, EventName = "WriteCommitted", Level = LogLevel.Information, Message = "TeamAccess {Operation} by {Actor} committed at sequence {Sequence}")]
    public static partial void WriteCommitted(this ILogger logger, string operation, UserId? actor, long sequence);

    [LoggerMessage(EventId = 1002, EventName = "WriteNotCommitted", Level = LogLevel.Information, Message = "TeamAccess {Operation} by {Actor} not committed: {Code} after {Retries} retries")]
    public static partial void WriteNotCommitted(this ILogger logger, string operation, UserId? actor, TeamAccessErrorCode code, int retries);

    [LoggerMessage(EventId = 1003, EventName = "WriteConflict", Level = LogLevel.Debug, Message = "TeamAccess {Operation} by {Actor} met a concurrent change; retrying ({Retry}/{MaxRetries})")]
    public static partial void WriteConflict(this ILogger logger, string operation, UserId? actor, int retry, int maxRetries);

    [LoggerMessage(EventId = 1004, EventName = "WriteOutcomeUnknown", Level = LogLevel.Warning, Message = "TeamAccess {Operation} ended with its commit's outcome unknown ({ExceptionType}); reading its teams again")]
    public static partial void WriteOutcomeUnknown(this ILogger logger, string operation, string exceptionType);

    [LoggerMessage(EventId = 1005, EventName = "TeamRereadFailed", Level = LogLevel.Error, Message = "TeamAccess could not read team {TeamId} again after {Operation}: {ExceptionType}; its index stays as it was until the next write")]
    public static partial void TeamRereadFailed(this ILogger logger, TeamId teamId, string operation, string exceptionType);

    [LoggerMessage(EventId = 1010, EventName = "MailQueueFull", Level = LogLevel.Warning, Message = "TeamAccess's background mail queue is full: the {Kind} {Id} is delivered inside its request")]
    public static partial void MailQueueFull(this ILogger logger, string kind, Guid id);

    [LoggerMessage(EventId = 1011, EventName = "MailUndeliveredAtStop", Level = LogLevel.Warning, Message = "TeamAccess stopped with {Count} messages undelivered in its background mail queue")]
    public static partial void MailUndeliveredAtStop(this ILogger logger, int count);

    [LoggerMessage(EventId = 1012, EventName = "MailFailed", Level = LogLevel.Error, Message = "TeamAccess could not deliver the {Kind} {Id}: {ExceptionType}")]
    public static partial void MailFailed(this ILogger logger, string kind, Guid id, string exceptionType);
}
