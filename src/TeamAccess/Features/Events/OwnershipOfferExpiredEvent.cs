namespace TeamAccess.Events;

/// <summary>An expired ownership offer was closed. Projected from <c>ownership.offer_expired</c>.</summary>
public sealed class OwnershipOfferExpiredEvent : TeamAccessEvent
{
    internal OwnershipOfferExpiredEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
