namespace TeamAccess.Events;

/// <summary>One session was signed out. Projected from <see cref="AuditActions.UserSignedOut"/>.</summary>
public sealed class UserSignedOutEvent : TeamAccessEvent
{
    internal UserSignedOutEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
