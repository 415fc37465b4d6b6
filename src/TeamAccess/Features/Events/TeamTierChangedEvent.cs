namespace TeamAccess.Events;

/// <summary>A team's tier changed. Projected from <c>team.tier_changed</c>.</summary>
public sealed class TeamTierChangedEvent : TeamAccessEvent
{
    internal TeamTierChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
