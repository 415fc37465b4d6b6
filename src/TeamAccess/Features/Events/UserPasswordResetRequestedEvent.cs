namespace TeamAccess.Events;

/// <summary>A password reset was requested. Projected from <c>user.password_reset_requested</c>.</summary>
public sealed class UserPasswordResetRequestedEvent : TeamAccessEvent
{
    internal UserPasswordResetRequestedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
