namespace TeamAccess.Events;

/// <summary>The user confirmed an authenticator with its first code; ten recovery codes (stored hashed) were generated with it. Projected from <c>user.authenticator_confirmed</c>.</summary>
public sealed class UserAuthenticatorConfirmedEvent : TeamAccessEvent
{
    internal UserAuthenticatorConfirmedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
