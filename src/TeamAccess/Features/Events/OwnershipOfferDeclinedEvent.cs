namespace TeamAccess.Events;

/// <summary>The member declined the ownership offer. Projected from <see cref="AuditActions.OwnershipOfferDeclined"/>.</summary>
public sealed class OwnershipOfferDeclinedEvent : TeamAccessEvent
{
    internal OwnershipOfferDeclinedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
