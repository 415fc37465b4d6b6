namespace TeamAccess.Storage;

/// <summary>A group was deleted, with its members' places in it.</summary>
/// <param name="Before">The group as it was.</param>
/// <param name="Action">The audit action.</param>
public sealed record GroupRemoval(Group Before, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event<Group>(actor, at, teamId, AuditSubjectKind.Group, Before.Id.Value, Action, Before, null);
}
