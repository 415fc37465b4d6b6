namespace TeamAccess.Events;

/// <summary>An invitation was sent again with a new secret. Projected from <see cref="AuditActions.InvitationResent"/>.</summary>
public sealed class InvitationResentEvent : MembershipEvent
{
    internal InvitationResentEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
