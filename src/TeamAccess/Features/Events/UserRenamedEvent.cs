namespace TeamAccess.Events;

/// <summary>A user's names changed. Projected from <see cref="AuditActions.UserRenamed"/>.</summary>
public sealed class UserRenamedEvent : TeamAccessEvent
{
    internal UserRenamedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
