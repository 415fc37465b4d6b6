namespace TeamAccess.Events;

/// <summary>The offerer withdrew the ownership offer. Projected from <see cref="AuditActions.OwnershipOfferWithdrawn"/>.</summary>
public sealed class OwnershipOfferWithdrawnEvent : TeamAccessEvent
{
    internal OwnershipOfferWithdrawnEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
