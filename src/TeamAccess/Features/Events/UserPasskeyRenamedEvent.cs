namespace TeamAccess.Events;

/// <summary>The user renamed one of their passkeys. Projected from <c>user.passkey_renamed</c>.</summary>
public sealed class UserPasskeyRenamedEvent : TeamAccessEvent
{
    internal UserPasskeyRenamedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
