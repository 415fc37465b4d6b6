namespace TeamAccess.Events;

/// <summary>A password sign-in was attempted (counted before it is judged). Projected from <see cref="AuditActions.UserSignInAttempted"/>.</summary>
public sealed class UserSignInAttemptedEvent : TeamAccessEvent
{
    internal UserSignInAttemptedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
