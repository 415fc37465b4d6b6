namespace TeamAccess.Events;

/// <summary>The user removed a passkey (after a recent second factor); every other session of the user ended. Projected from <c>user.passkey_removed</c>.</summary>
public sealed class UserPasskeyRemovedEvent : TeamAccessEvent
{
    internal UserPasskeyRemovedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
