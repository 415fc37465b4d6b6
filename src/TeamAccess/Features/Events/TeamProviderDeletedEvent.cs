namespace TeamAccess.Events;

/// <summary>A team's own identity provider was deleted. Projected from <see cref="AuditActions.TeamProviderDeleted"/>.</summary>
public sealed class TeamProviderDeletedEvent : TeamAccessEvent
{
    internal TeamProviderDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
