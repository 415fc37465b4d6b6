namespace TeamAccess.Events;

/// <summary>A team's own role was created. Projected from <see cref="AuditActions.TeamRoleCreated"/>.</summary>
public sealed class TeamRoleCreatedEvent : TeamAccessEvent
{
    internal TeamRoleCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
