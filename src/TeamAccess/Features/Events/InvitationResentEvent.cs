namespace TeamAccess.Events;

/// <summary>An invitation was sent again with a new secret. Projected from <c>invitation.resent</c>.</summary>
public sealed class InvitationResentEvent : MembershipEvent
{
    internal InvitationResentEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
