namespace TeamAccess.Storage;

/// <summary>A grant was revoked.</summary>
/// <param name="Before">The grant as it was.</param>
/// <param name="Action">The audit action.</param>
public sealed record GrantRemoval(Grant Before, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event<Grant>(actor, at, teamId, AuditSubjectKind.Grant, Before.Id.Value, Action, Before, null);
}
