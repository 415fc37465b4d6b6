namespace TeamAccess.Events;

/// <summary>A user signed up or was created. Projected from <see cref="AuditActions.UserCreated"/>.</summary>
public sealed class UserCreatedEvent : TeamAccessEvent
{
    internal UserCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
