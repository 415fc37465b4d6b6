namespace TeamAccess.Events;

/// <summary>The invitee declined. Projected from <c>invitation.declined</c>.</summary>
public sealed class InvitationDeclinedEvent : MembershipEvent
{
    internal InvitationDeclinedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
