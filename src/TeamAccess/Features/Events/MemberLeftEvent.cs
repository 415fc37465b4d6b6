namespace TeamAccess.Events;

/// <summary>A member left the team. Projected from <see cref="AuditActions.MembershipLeft"/>.</summary>
public sealed class MemberLeftEvent : MembershipEvent
{
    internal MemberLeftEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
