using Microsoft.Extensions.Logging;

namespace TeamAccess.Provisioning;

/// <summary>The Provisioning room's log messages, source-generated, with stable event ids (1700-1799).</summary>
internal static partial class ProvisioningLog
{
    [LoggerMessage(EventId = 1700, EventName = "DirectoryProvisioned", Level = LogLevel.Debug, Message = "TeamAccess directory of team {TeamId} provisioned one person ({Kind})")]
    public static partial void DirectoryProvisioned(this ILogger logger, TeamId teamId, string kind);

    [LoggerMessage(EventId = 1701, EventName = "DirectoryProgress", Level = LogLevel.Information, Message = "TeamAccess directory of team {TeamId}: {Count} people provisioned on this instance so far")]
    public static partial void DirectoryProgress(this ILogger logger, TeamId teamId, long count);
}
