namespace TeamAccess.Events;

/// <summary>The invitee accepted: the membership went Active. Projected from <see cref="AuditActions.InvitationAccepted"/>.</summary>
public sealed class InvitationAcceptedEvent : MembershipEvent
{
    internal InvitationAcceptedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
