namespace TeamAccess.Events;

/// <summary>A second factor's code was refused; it counts toward the lockout the password's failures count toward. Projected from <see cref="AuditActions.UserSecondFactorAttempted"/>.</summary>
public sealed class UserSecondFactorAttemptedEvent : TeamAccessEvent
{
    internal UserSecondFactorAttemptedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
