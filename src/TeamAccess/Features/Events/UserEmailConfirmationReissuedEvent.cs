namespace TeamAccess.Events;

/// <summary>A new activation link was issued for a user's unconfirmed address. Projected from <see cref="AuditActions.UserEmailConfirmationReissued"/>.</summary>
public sealed class UserEmailConfirmationReissuedEvent : TeamAccessEvent
{
    internal UserEmailConfirmationReissuedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
