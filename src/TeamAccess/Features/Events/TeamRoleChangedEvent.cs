namespace TeamAccess.Events;

/// <summary>A team's own role was changed. Projected from <see cref="AuditActions.TeamRoleChanged"/>.</summary>
public sealed class TeamRoleChangedEvent : TeamAccessEvent
{
    internal TeamRoleChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
