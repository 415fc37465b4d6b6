namespace TeamAccess.Events;

/// <summary>
/// A team's own identity provider was added, changed, activated, suspended or deleted (<see cref="TeamAccessEvent"/>'s
/// action names which). Projected from the <c>team_provider.*</c> actions of <see cref="AuditActions"/>; it never carries
/// the client secret.
/// </summary>
public sealed class TeamProviderChangedEvent : TeamAccessEvent
{
    internal TeamProviderChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
