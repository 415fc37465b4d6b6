namespace TeamAccess.Events;

/// <summary>A password sign-in was attempted (counted before it is judged). Projected from <c>user.sign_in_attempted</c>.</summary>
public sealed class UserSignInAttemptedEvent : TeamAccessEvent
{
    internal UserSignInAttemptedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
