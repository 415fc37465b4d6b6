namespace TeamAccess.Events;

/// <summary>A team's own role was deleted. Projected from <see cref="AuditActions.TeamRoleDeleted"/>.</summary>
public sealed class TeamRoleDeletedEvent : TeamAccessEvent
{
    internal TeamRoleDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
