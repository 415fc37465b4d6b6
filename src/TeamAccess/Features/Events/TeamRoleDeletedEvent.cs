namespace TeamAccess.Events;

/// <summary>A team's own role was deleted. Projected from <c>team_role.deleted</c>.</summary>
public sealed class TeamRoleDeletedEvent : TeamAccessEvent
{
    internal TeamRoleDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
