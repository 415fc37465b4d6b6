namespace TeamAccess.Events;

/// <summary>A member was deactivated. Projected from <see cref="AuditActions.MembershipDeactivated"/>.</summary>
public sealed class MemberDeactivatedEvent : MembershipEvent
{
    internal MemberDeactivatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
