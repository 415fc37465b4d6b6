namespace TeamAccess.Events;

/// <summary>A member was reactivated. Projected from <see cref="AuditActions.MembershipReactivated"/>.</summary>
public sealed class MemberReactivatedEvent : MembershipEvent
{
    internal MemberReactivatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
