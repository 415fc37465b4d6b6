namespace TeamAccess.Events;

/// <summary>A password reset was requested. Projected from <see cref="AuditActions.UserPasswordResetRequested"/>.</summary>
public sealed class UserPasswordResetRequestedEvent : TeamAccessEvent
{
    internal UserPasswordResetRequestedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
