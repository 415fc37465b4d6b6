namespace TeamAccess.Events;

/// <summary>A team's own identity provider was activated: it signs people in. Projected from <see cref="AuditActions.TeamProviderActivated"/>.</summary>
public sealed class TeamProviderActivatedEvent : TeamAccessEvent
{
    internal TeamProviderActivatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
