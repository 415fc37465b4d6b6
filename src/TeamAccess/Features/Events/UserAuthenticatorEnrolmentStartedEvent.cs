namespace TeamAccess.Events;

/// <summary>An authenticator enrolment began: a new secret (stored encrypted) waits for its first code. Projected from <c>user.authenticator_enrolment_started</c>.</summary>
public sealed class UserAuthenticatorEnrolmentStartedEvent : TeamAccessEvent
{
    internal UserAuthenticatorEnrolmentStartedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
