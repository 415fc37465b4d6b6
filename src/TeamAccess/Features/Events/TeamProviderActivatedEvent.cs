namespace TeamAccess.Events;

/// <summary>A team's own identity provider was activated: it signs people in. Projected from <c>team_provider.activated</c>.</summary>
public sealed class TeamProviderActivatedEvent : TeamAccessEvent
{
    internal TeamProviderActivatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
