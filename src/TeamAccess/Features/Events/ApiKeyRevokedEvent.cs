namespace TeamAccess.Events;

/// <summary>An API key was revoked. Projected from <see cref="AuditActions.ApiKeyRevoked"/>.</summary>
public sealed class ApiKeyRevokedEvent : TeamAccessEvent
{
    internal ApiKeyRevokedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
