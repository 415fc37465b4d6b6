namespace TeamAccess.Events;

/// <summary>A team added an identity provider of its own, as a draft. It never carries the client secret. Projected from <c>team_provider.added</c>.</summary>
public sealed class TeamProviderAddedEvent : TeamAccessEvent
{
    internal TeamProviderAddedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
