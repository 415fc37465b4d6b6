namespace TeamAccess.Events;

/// <summary>
/// A team claimed or released an email domain, or a DNS check changed the claim's state (verified, failed, expired).
/// Projected from the <c>team_domain.*</c> actions of <see cref="AuditActions"/>.
/// </summary>
public sealed class TeamDomainChangedEvent : TeamAccessEvent
{
    internal TeamDomainChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
