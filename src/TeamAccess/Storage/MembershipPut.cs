namespace TeamAccess.Storage;

/// <summary>A membership was added or changed.</summary>
/// <param name="Before">The membership before; <see langword="null"/> when the write adds it.</param>
/// <param name="After">The membership to store.</param>
/// <param name="Action">The audit action.</param>
public sealed record MembershipPut(StoredMembership? Before, StoredMembership After, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Membership, After.Id.Value, Action, Before, After);
}
