namespace TeamAccess.Events;

/// <summary>A grant was revoked. Projected from <see cref="AuditActions.GrantRevoked"/>.</summary>
public sealed class GrantRevokedEvent : TeamAccessEvent
{
    internal GrantRevokedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
