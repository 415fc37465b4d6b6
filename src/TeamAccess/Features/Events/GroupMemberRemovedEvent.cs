namespace TeamAccess.Events;

/// <summary>A member was taken out of a group. Projected from <c>group.member_removed</c>.</summary>
public sealed class GroupMemberRemovedEvent : TeamAccessEvent
{
    internal GroupMemberRemovedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
