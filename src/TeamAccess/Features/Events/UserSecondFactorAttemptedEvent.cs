namespace TeamAccess.Events;

/// <summary>A second factor's code was refused; it counts toward the lockout the password's failures count toward. Projected from <c>user.second_factor_attempted</c>.</summary>
public sealed class UserSecondFactorAttemptedEvent : TeamAccessEvent
{
    internal UserSecondFactorAttemptedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
