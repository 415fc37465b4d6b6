namespace TeamAccess.Events;

/// <summary>An expired ownership offer was closed. Projected from <see cref="AuditActions.OwnershipOfferExpired"/>.</summary>
public sealed class OwnershipOfferExpiredEvent : TeamAccessEvent
{
    internal OwnershipOfferExpiredEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
