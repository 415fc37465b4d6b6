namespace TeamAccess.Events;

/// <summary>A team changed its own identity provider's settings (or activation stored its discovered endpoints). It never carries the client secret. Projected from <c>team_provider.changed</c>.</summary>
public sealed class TeamProviderChangedEvent : TeamAccessEvent
{
    internal TeamProviderChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
