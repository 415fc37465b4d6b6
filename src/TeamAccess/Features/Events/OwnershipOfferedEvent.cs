namespace TeamAccess.Events;

/// <summary>A guardian offered the guardian role to another member. Projected from <c>ownership.offered</c>.</summary>
public sealed class OwnershipOfferedEvent : TeamAccessEvent
{
    internal OwnershipOfferedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
