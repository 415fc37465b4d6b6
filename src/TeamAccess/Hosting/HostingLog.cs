using Microsoft.Extensions.Logging;

namespace TeamAccess.Hosting;

/// <summary>The Hosting room's log messages (background loops, events, start-up), source-generated, with stable event ids (1200-1299).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1200, EventName = "LeaseNotReturned", Level = LogLevel.Warning, Message = "TeamAccess could not give back the delivery lease of event consumer {Consumer}; another instance takes over when it runs out")]
    public static partial void LeaseNotReturned(this ILogger logger, Exception exception, string consumer);

    [LoggerMessage(EventId = 1201, EventName = "ConsumerStartsAtEnd", Level = LogLevel.Information, Message = "TeamAccess event consumer {Consumer} starts at the end of the audit log, after event {Sequence}")]
    public static partial void ConsumerStartsAtEnd(this ILogger logger, string consumer, long sequence);

    [LoggerMessage(EventId = 1202, EventName = "AuditReadFailed", Level = LogLevel.Warning, Message = "TeamAccess could not read the audit log for event consumer {Consumer}; trying again in {Delay}")]
    public static partial void AuditReadFailed(this ILogger logger, Exception exception, string consumer, TimeSpan delay);

    [LoggerMessage(EventId = 1203, EventName = "HeldEventMissing", Level = LogLevel.Error, Message = "TeamAccess held event {Sequence} of consumer {Consumer} is not in the audit log; its record is dropped")]
    public static partial void HeldEventMissing(this ILogger logger, long sequence, string consumer);

    [LoggerMessage(EventId = 1204, EventName = "EventDegraded", Level = LogLevel.Error, Message = "TeamAccess event {Sequence} of consumer {Consumer} (key {OrderKey}) has failed {Attempts} times: the instance reports itself degraded until it is delivered or skipped (ITeamAccessEventAdmin.SkipAsync)")]
    public static partial void EventDegraded(this ILogger logger, long sequence, string consumer, string orderKey, int attempts);

    [LoggerMessage(EventId = 1205, EventName = "EventHandlerFailed", Message = "TeamAccess event handler {Handler} failed on event {Sequence} ({Action}, key {IdempotencyKey}), attempt {Attempt}; it is held, with the later events of {OrderKey}, and delivered again after a back-off, while other teams' events flow on")]
    public static partial void EventHandlerFailed(this ILogger logger, LogLevel level, Exception exception, string handler, long sequence, string action, string idempotencyKey, int attempt, string orderKey);

    [LoggerMessage(EventId = 1206, EventName = "EventSkipped", Level = LogLevel.Warning, Message = "TeamAccess event {Sequence} (key {OrderKey}) of consumer {Consumer} was skipped into a dead letter after {Attempts} failed attempts; its key's later events flow on")]
    public static partial void EventSkipped(this ILogger logger, long sequence, string orderKey, string consumer, int attempts);

    [LoggerMessage(EventId = 1210, EventName = "StartupLoadProgress", Level = LogLevel.Information, Message = "TeamAccess start-up load: {Teams} teams, {Memberships} memberships in {Elapsed} ({Rate:F0} memberships/s)")]
    public static partial void StartupLoadProgress(this ILogger logger, int teams, long memberships, TimeSpan elapsed, double rate);

    [LoggerMessage(EventId = 1211, EventName = "StartupLoaded", Level = LogLevel.Information, Message = "TeamAccess loaded {Count} teams ({Memberships} memberships) into the permission index in {Elapsed}")]
    public static partial void StartupLoaded(this ILogger logger, int count, long memberships, TimeSpan elapsed);

    [LoggerMessage(EventId = 1220, EventName = "ExpiryTeamFailed", Level = LogLevel.Warning, Message = "TeamAccess expiry sweep could not close what expired in team {TeamId}: {Code}; the next sweep tries again")]
    public static partial void ExpiryTeamFailed(this ILogger logger, TeamId teamId, TeamAccessErrorCode code);

    [LoggerMessage(EventId = 1221, EventName = "ExpiryClosed", Level = LogLevel.Information, Message = "TeamAccess expiry sweep closed {Closed} expired invitations and ownership offers")]
    public static partial void ExpiryClosed(this ILogger logger, int closed);

    [LoggerMessage(EventId = 1222, EventName = "ExpirySweepFailed", Level = LogLevel.Error, Message = "TeamAccess expiry sweep failed; the next sweep tries again")]
    public static partial void ExpirySweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1230, EventName = "DomainCheckNotRecorded", Level = LogLevel.Warning, Message = "TeamAccess could not record the check of domain {Domain} of team {TeamId}: {Code}; the next pass tries again")]
    public static partial void DomainCheckNotRecorded(this ILogger logger, string domain, TeamId teamId, TeamAccessErrorCode code);

    [LoggerMessage(EventId = 1231, EventName = "DomainRecheckFailed", Level = LogLevel.Error, Message = "TeamAccess domain re-check failed; the next pass tries again")]
    public static partial void DomainRecheckFailed(this ILogger logger, Exception exception);
}
