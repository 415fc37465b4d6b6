namespace TeamAccess.Storage;

/// <summary>A group was created or changed (renamed, a member added or removed).</summary>
/// <param name="Before">The group before; <see langword="null"/> when the write creates it.</param>
/// <param name="After">The group to store.</param>
/// <param name="Action">The audit action.</param>
public sealed record GroupPut(Group? Before, Group After, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Group, After.Id.Value, Action, Before, After);
}
