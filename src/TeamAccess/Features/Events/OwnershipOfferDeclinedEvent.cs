namespace TeamAccess.Events;

/// <summary>The member declined the ownership offer. Projected from <c>ownership.offer_declined</c>.</summary>
public sealed class OwnershipOfferDeclinedEvent : TeamAccessEvent
{
    internal OwnershipOfferDeclinedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
