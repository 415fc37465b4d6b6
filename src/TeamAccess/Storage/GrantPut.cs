namespace TeamAccess.Storage;

/// <summary>A grant was given or changed.</summary>
/// <param name="Before">The grant before; <see langword="null"/> when the write gives it.</param>
/// <param name="After">The grant to store.</param>
/// <param name="Action">The audit action.</param>
public sealed record GrantPut(Grant? Before, Grant After, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Grant, After.Id.Value, Action, Before, After);
}
