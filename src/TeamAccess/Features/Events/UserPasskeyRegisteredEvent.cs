namespace TeamAccess.Events;

/// <summary>The user registered a passkey (after a recent second factor, if they had one). Projected from <c>user.passkey_registered</c>.</summary>
public sealed class UserPasskeyRegisteredEvent : TeamAccessEvent
{
    internal UserPasskeyRegisteredEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
