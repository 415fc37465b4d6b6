namespace TeamAccess.Events;

/// <summary>An API key was rotated. Projected from <c>api_key.rotated</c>.</summary>
public sealed class ApiKeyRotatedEvent : TeamAccessEvent
{
    internal ApiKeyRotatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
