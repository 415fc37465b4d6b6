namespace TeamAccess.Events;

/// <summary>The user changed their password; their other sessions ended. Projected from <c>user.password_changed</c>.</summary>
public sealed class UserPasswordChangedEvent : TeamAccessEvent
{
    internal UserPasswordChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
