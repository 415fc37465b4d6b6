namespace TeamAccess.Events;

/// <summary>A new activation link was issued for a user's unconfirmed address. Projected from <c>user.email_confirmation_reissued</c>.</summary>
public sealed class UserEmailConfirmationReissuedEvent : TeamAccessEvent
{
    internal UserEmailConfirmationReissuedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
