namespace TeamAccess.Events;

/// <summary>A member was added to a group. Projected from <see cref="AuditActions.GroupMemberAdded"/>.</summary>
public sealed class GroupMemberAddedEvent : TeamAccessEvent
{
    internal GroupMemberAddedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
