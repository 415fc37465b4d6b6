namespace TeamAccess.Events;

/// <summary>A group was created. Projected from <see cref="AuditActions.GroupCreated"/>.</summary>
public sealed class GroupCreatedEvent : TeamAccessEvent
{
    internal GroupCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
