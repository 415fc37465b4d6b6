namespace TeamAccess.Events;

/// <summary>The user renamed one of their passkeys. Projected from <see cref="AuditActions.UserPasskeyRenamed"/>.</summary>
public sealed class UserPasskeyRenamedEvent : TeamAccessEvent
{
    internal UserPasskeyRenamedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
