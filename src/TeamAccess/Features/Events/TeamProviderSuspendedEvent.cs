namespace TeamAccess.Events;

/// <summary>A team's own identity provider was suspended: it signs nobody in, and its sessions end. Projected from <see cref="AuditActions.TeamProviderSuspended"/>.</summary>
public sealed class TeamProviderSuspendedEvent : TeamAccessEvent
{
    internal TeamProviderSuspendedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
