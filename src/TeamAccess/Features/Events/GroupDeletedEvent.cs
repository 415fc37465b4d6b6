namespace TeamAccess.Events;

/// <summary>A group was deleted. Projected from <c>group.deleted</c>.</summary>
public sealed class GroupDeletedEvent : TeamAccessEvent
{
    internal GroupDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
