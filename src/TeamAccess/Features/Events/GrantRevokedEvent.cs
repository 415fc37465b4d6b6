namespace TeamAccess.Events;

/// <summary>A grant was revoked. Projected from <c>grant.revoked</c>.</summary>
public sealed class GrantRevokedEvent : TeamAccessEvent
{
    internal GrantRevokedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
