namespace TeamAccess.Events;

/// <summary>A team was created. Projected from <see cref="AuditActions.TeamCreated"/>.</summary>
public sealed class TeamCreatedEvent : TeamAccessEvent
{
    internal TeamCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
