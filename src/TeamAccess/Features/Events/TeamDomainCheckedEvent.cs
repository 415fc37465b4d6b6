namespace TeamAccess.Events;

/// <summary>A DNS check changed a domain claim's state (verified, failed or expired). Projected from <see cref="AuditActions.TeamDomainChecked"/>.</summary>
public sealed class TeamDomainCheckedEvent : TeamAccessEvent
{
    internal TeamDomainCheckedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
