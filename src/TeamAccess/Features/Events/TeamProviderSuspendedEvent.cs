namespace TeamAccess.Events;

/// <summary>A team's own identity provider was suspended: it signs nobody in, and its sessions end. Projected from <c>team_provider.suspended</c>.</summary>
public sealed class TeamProviderSuspendedEvent : TeamAccessEvent
{
    internal TeamProviderSuspendedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
