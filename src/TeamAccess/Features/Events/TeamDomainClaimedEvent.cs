namespace TeamAccess.Events;

/// <summary>A team claimed an email domain, pending until its DNS TXT record is found. Projected from <c>team_domain.claimed</c>.</summary>
public sealed class TeamDomainClaimedEvent : TeamAccessEvent
{
    internal TeamDomainClaimedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
