namespace TeamAccess.Events;

/// <summary>A user confirmed their email address. Projected from <c>user.email_confirmed</c>.</summary>
public sealed class UserEmailConfirmedEvent : TeamAccessEvent
{
    internal UserEmailConfirmedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
