namespace TeamAccess.Events;

/// <summary>The user registered a passkey (after a recent second factor, if they had one). Projected from <see cref="AuditActions.UserPasskeyRegistered"/>.</summary>
public sealed class UserPasskeyRegisteredEvent : TeamAccessEvent
{
    internal UserPasskeyRegisteredEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
