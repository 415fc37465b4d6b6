namespace TeamAccess.Events;

/// <summary>A DNS check changed a domain claim's state (verified, failed or expired). Projected from <c>team_domain.checked</c>.</summary>
public sealed class TeamDomainCheckedEvent : TeamAccessEvent
{
    internal TeamDomainCheckedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
