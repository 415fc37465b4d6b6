namespace TeamAccess.Events;

/// <summary>An API key was revoked. Projected from <c>api_key.revoked</c>.</summary>
public sealed class ApiKeyRevokedEvent : TeamAccessEvent
{
    internal ApiKeyRevokedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
