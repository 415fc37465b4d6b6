namespace TeamAccess.Events;

/// <summary>The user changed their password; their other sessions ended. Projected from <see cref="AuditActions.UserPasswordChanged"/>.</summary>
public sealed class UserPasswordChangedEvent : TeamAccessEvent
{
    internal UserPasswordChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
