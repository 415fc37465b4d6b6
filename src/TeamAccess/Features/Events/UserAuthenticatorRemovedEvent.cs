namespace TeamAccess.Events;

/// <summary>The user removed their authenticator and recovery codes (after a recent second factor); every session of the user ended. Projected from <c>user.authenticator_removed</c>.</summary>
public sealed class UserAuthenticatorRemovedEvent : TeamAccessEvent
{
    internal UserAuthenticatorRemovedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
