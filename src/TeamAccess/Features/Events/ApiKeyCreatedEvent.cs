namespace TeamAccess.Events;

/// <summary>An API key was created. Projected from <see cref="AuditActions.ApiKeyCreated"/>.</summary>
public sealed class ApiKeyCreatedEvent : TeamAccessEvent
{
    internal ApiKeyCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
