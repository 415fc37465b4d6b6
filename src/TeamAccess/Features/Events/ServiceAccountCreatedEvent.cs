namespace TeamAccess.Events;

/// <summary>A service account was created. Projected from <see cref="AuditActions.ServiceAccountCreated"/>.</summary>
public sealed class ServiceAccountCreatedEvent : TeamAccessEvent
{
    internal ServiceAccountCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
