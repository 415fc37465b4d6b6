namespace TeamAccess.Events;

/// <summary>An external identity was linked to a user. Projected from <see cref="AuditActions.UserLoginLinked"/>.</summary>
public sealed class UserLoginLinkedEvent : TeamAccessEvent
{
    internal UserLoginLinkedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
