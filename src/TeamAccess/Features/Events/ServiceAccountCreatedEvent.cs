namespace TeamAccess.Events;

/// <summary>A service account was created. Projected from <c>service_account.created</c>.</summary>
public sealed class ServiceAccountCreatedEvent : TeamAccessEvent
{
    internal ServiceAccountCreatedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
