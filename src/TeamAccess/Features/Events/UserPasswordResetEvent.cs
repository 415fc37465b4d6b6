namespace TeamAccess.Events;

/// <summary>The password was reset with a reset token; every session of the user ended. Projected from <c>user.password_reset</c>.</summary>
public sealed class UserPasswordResetEvent : TeamAccessEvent
{
    internal UserPasswordResetEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
