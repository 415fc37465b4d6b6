namespace TeamAccess;

/// <summary>An invitation's short code was tried (counted before it is judged). Projected from <see cref="AuditActions.InvitationCodeTried"/>.</summary>
public sealed class InvitationCodeTriedEvent : MembershipEvent
{
    internal InvitationCodeTriedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
