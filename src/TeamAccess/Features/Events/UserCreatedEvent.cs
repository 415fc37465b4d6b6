namespace TeamAccess.Events;

/// <summary>A user signed up or was created. Projected from <c>user.created</c>.</summary>
public sealed class UserCreatedEvent : TeamAccessEvent
{
    internal UserCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
