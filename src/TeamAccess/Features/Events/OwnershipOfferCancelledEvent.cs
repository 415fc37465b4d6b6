namespace TeamAccess.Events;

/// <summary>The ownership offer was closed because the offerer's or the recipient's membership changed. Projected from <c>ownership.offer_cancelled</c>.</summary>
public sealed class OwnershipOfferCancelledEvent : TeamAccessEvent
{
    internal OwnershipOfferCancelledEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
