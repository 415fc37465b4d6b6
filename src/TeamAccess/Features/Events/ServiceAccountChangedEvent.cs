namespace TeamAccess.Events;

/// <summary>A service account's name, description or role changed. Projected from <see cref="AuditActions.ServiceAccountChanged"/>.</summary>
public sealed class ServiceAccountChangedEvent : TeamAccessEvent
{
    internal ServiceAccountChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
