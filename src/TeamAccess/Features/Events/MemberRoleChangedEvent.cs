namespace TeamAccess.Events;

/// <summary>A member's role changed (<see cref="MembershipEvent.RoleBefore"/> to <see cref="MembershipEvent.RoleAfter"/>). Projected from <c>membership.role_changed</c>.</summary>
public sealed class MemberRoleChangedEvent : MembershipEvent
{
    internal MemberRoleChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
