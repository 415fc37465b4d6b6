namespace TeamAccess.Events;

/// <summary>The password was reset with a reset token; every session of the user ended. Projected from <see cref="AuditActions.UserPasswordReset"/>.</summary>
public sealed class UserPasswordResetEvent : TeamAccessEvent
{
    internal UserPasswordResetEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
