namespace TeamAccess.Events;

/// <summary>A team was deleted. Projected from <c>team.deleted</c>.</summary>
public sealed class TeamDeletedEvent : TeamAccessEvent
{
    internal TeamDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
