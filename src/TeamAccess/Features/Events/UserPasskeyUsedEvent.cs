namespace TeamAccess.Events;

/// <summary>A passkey of the user was accepted (a sign-in, a second factor or a step-up): its counter moved forward. Projected from <c>user.passkey_used</c>.</summary>
public sealed class UserPasskeyUsedEvent : TeamAccessEvent
{
    internal UserPasskeyUsedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
