namespace TeamAccess.Events;

/// <summary>A user confirmed their email address. Projected from <see cref="AuditActions.UserEmailConfirmed"/>.</summary>
public sealed class UserEmailConfirmedEvent : TeamAccessEvent
{
    internal UserEmailConfirmedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
