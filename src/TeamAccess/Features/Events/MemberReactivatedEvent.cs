namespace TeamAccess.Events;

/// <summary>A member was reactivated. Projected from <c>membership.reactivated</c>.</summary>
public sealed class MemberReactivatedEvent : MembershipEvent
{
    internal MemberReactivatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
