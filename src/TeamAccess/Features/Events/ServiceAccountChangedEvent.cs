namespace TeamAccess.Events;

/// <summary>A service account's name, description or role changed. Projected from <c>service_account.changed</c>.</summary>
public sealed class ServiceAccountChangedEvent : TeamAccessEvent
{
    internal ServiceAccountChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
