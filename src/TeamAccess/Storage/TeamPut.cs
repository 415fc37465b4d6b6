namespace TeamAccess.Storage;

/// <summary>The team's own row changed (created, renamed, tier, policy, deleted).</summary>
/// <param name="Before">The team before; <see langword="null"/> when the write creates it.</param>
/// <param name="After">The team after (its version is the loaded one; the change's <see cref="TeamChange.After"/> carries the new one).</param>
/// <param name="Action">The audit action.</param>
public sealed record TeamPut(Team? Before, Team After, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Team, After.Id.Value, Action, Before, After);
}
