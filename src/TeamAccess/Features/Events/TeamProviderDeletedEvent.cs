namespace TeamAccess.Events;

/// <summary>A team's own identity provider was deleted. Projected from <c>team_provider.deleted</c>.</summary>
public sealed class TeamProviderDeletedEvent : TeamAccessEvent
{
    internal TeamProviderDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
