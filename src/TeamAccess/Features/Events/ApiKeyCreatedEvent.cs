namespace TeamAccess.Events;

/// <summary>An API key was created. Projected from <c>api_key.created</c>.</summary>
public sealed class ApiKeyCreatedEvent : TeamAccessEvent
{
    internal ApiKeyCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
