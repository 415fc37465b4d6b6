namespace TeamAccess.Events;

/// <summary>A team claimed an email domain, pending until its DNS TXT record is found. Projected from <see cref="AuditActions.TeamDomainClaimed"/>.</summary>
public sealed class TeamDomainClaimedEvent : TeamAccessEvent
{
    internal TeamDomainClaimedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
