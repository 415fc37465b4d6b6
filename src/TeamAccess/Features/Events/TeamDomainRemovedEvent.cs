namespace TeamAccess.Events;

/// <summary>A team released a domain it had claimed. Projected from <see cref="AuditActions.TeamDomainRemoved"/>.</summary>
public sealed class TeamDomainRemovedEvent : TeamAccessEvent
{
    internal TeamDomainRemovedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
