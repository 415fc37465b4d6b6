namespace TeamAccess.Events;

/// <summary>The invitee accepted: the membership went Active. Projected from <c>invitation.accepted</c>.</summary>
public sealed class InvitationAcceptedEvent : MembershipEvent
{
    internal InvitationAcceptedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
