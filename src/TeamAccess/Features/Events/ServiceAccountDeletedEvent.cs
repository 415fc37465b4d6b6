namespace TeamAccess.Events;

/// <summary>A service account was deleted. Projected from <c>service_account.deleted</c>.</summary>
public sealed class ServiceAccountDeletedEvent : TeamAccessEvent
{
    internal ServiceAccountDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
