namespace TeamAccess.Events;

/// <summary>A member was removed by a manager, or because their user was deleted. Projected from <c>membership.removed</c>.</summary>
public sealed class MemberRemovedEvent : MembershipEvent
{
    internal MemberRemovedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
