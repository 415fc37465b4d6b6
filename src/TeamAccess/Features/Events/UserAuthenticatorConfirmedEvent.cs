namespace TeamAccess.Events;

/// <summary>The user confirmed an authenticator with its first code; ten recovery codes (stored hashed) were generated with it. Projected from <see cref="AuditActions.UserAuthenticatorConfirmed"/>.</summary>
public sealed class UserAuthenticatorConfirmedEvent : TeamAccessEvent
{
    internal UserAuthenticatorConfirmedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
