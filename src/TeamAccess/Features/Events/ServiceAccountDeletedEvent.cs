namespace TeamAccess.Events;

/// <summary>A service account was deleted. Projected from <see cref="AuditActions.ServiceAccountDeleted"/>.</summary>
public sealed class ServiceAccountDeletedEvent : TeamAccessEvent
{
    internal ServiceAccountDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
