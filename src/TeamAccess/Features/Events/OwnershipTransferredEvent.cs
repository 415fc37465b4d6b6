namespace TeamAccess.Events;

/// <summary>The member accepted the ownership offer; the role changes follow as <see cref="MemberRoleChangedEvent"/>s of their own. Projected from <c>ownership.offer_accepted</c>.</summary>
public sealed class OwnershipTransferredEvent : TeamAccessEvent
{
    internal OwnershipTransferredEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
