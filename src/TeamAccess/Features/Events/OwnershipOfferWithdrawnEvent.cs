namespace TeamAccess.Events;

/// <summary>The offerer withdrew the ownership offer. Projected from <c>ownership.offer_withdrawn</c>.</summary>
public sealed class OwnershipOfferWithdrawnEvent : TeamAccessEvent
{
    internal OwnershipOfferWithdrawnEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
