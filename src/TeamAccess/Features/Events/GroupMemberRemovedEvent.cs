namespace TeamAccess.Events;

/// <summary>A member was taken out of a group. Projected from <see cref="AuditActions.GroupMemberRemoved"/>.</summary>
public sealed class GroupMemberRemovedEvent : TeamAccessEvent
{
    internal GroupMemberRemovedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
