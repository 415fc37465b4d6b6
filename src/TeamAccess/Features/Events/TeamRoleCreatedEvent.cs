namespace TeamAccess.Events;

/// <summary>A team's own role was created. Projected from <c>team_role.created</c>.</summary>
public sealed class TeamRoleCreatedEvent : TeamAccessEvent
{
    internal TeamRoleCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
