namespace TeamAccess.Events;

/// <summary>A team's own role was changed. Projected from <c>team_role.changed</c>.</summary>
public sealed class TeamRoleChangedEvent : TeamAccessEvent
{
    internal TeamRoleChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
