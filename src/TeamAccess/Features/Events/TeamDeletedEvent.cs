namespace TeamAccess.Events;

/// <summary>A team was deleted. Projected from <see cref="AuditActions.TeamDeleted"/>.</summary>
public sealed class TeamDeletedEvent : TeamAccessEvent
{
    internal TeamDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
