namespace TeamAccess.Events;

/// <summary>A group was deleted. Projected from <see cref="AuditActions.GroupDeleted"/>.</summary>
public sealed class GroupDeletedEvent : TeamAccessEvent
{
    internal GroupDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
