namespace TeamAccess.Events;

/// <summary>An API key was rotated. Projected from <see cref="AuditActions.ApiKeyRotated"/>.</summary>
public sealed class ApiKeyRotatedEvent : TeamAccessEvent
{
    internal ApiKeyRotatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
