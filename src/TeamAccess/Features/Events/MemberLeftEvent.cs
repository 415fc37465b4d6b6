namespace TeamAccess.Events;

/// <summary>A member left the team. Projected from <c>membership.left</c>.</summary>
public sealed class MemberLeftEvent : MembershipEvent
{
    internal MemberLeftEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
