namespace TeamAccess.Events;

/// <summary>An external identity was linked to a user. Projected from <c>user.login_linked</c>.</summary>
public sealed class UserLoginLinkedEvent : TeamAccessEvent
{
    internal UserLoginLinkedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
