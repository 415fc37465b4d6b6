namespace TeamAccess.Events;

/// <summary>A team was created. Projected from <c>team.created</c>.</summary>
public sealed class TeamCreatedEvent : TeamAccessEvent
{
    internal TeamCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
