namespace TeamAccess.Events;

/// <summary>A team's tier changed. Projected from <see cref="AuditActions.TeamTierChanged"/>.</summary>
public sealed class TeamTierChangedEvent : TeamAccessEvent
{
    internal TeamTierChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
