namespace TeamAccess.Events;

/// <summary>A team released a domain it had claimed. Projected from <c>team_domain.removed</c>.</summary>
public sealed class TeamDomainRemovedEvent : TeamAccessEvent
{
    internal TeamDomainRemovedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
