namespace TeamAccess.Events;

/// <summary>A provider authoritative for the address proved it for an unconfirmed account. Projected from <c>user.email_claimed</c>.</summary>
public sealed class UserEmailClaimedEvent : TeamAccessEvent
{
    internal UserEmailClaimedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
