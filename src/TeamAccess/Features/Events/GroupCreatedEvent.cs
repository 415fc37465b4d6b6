namespace TeamAccess.Events;

/// <summary>A group was created. Projected from <c>group.created</c>.</summary>
public sealed class GroupCreatedEvent : TeamAccessEvent
{
    internal GroupCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
