namespace TeamAccess.Events;

/// <summary>A member was deactivated. Projected from <c>membership.deactivated</c>.</summary>
public sealed class MemberDeactivatedEvent : MembershipEvent
{
    internal MemberDeactivatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
