namespace TeamAccess.Events;

/// <summary>A member was added to a group. Projected from <c>group.member_added</c>.</summary>
public sealed class GroupMemberAddedEvent : TeamAccessEvent
{
    internal GroupMemberAddedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
