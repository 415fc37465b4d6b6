namespace TeamAccess.Events;

/// <summary>The invitee declined. Projected from <see cref="AuditActions.InvitationDeclined"/>.</summary>
public sealed class InvitationDeclinedEvent : MembershipEvent
{
    internal InvitationDeclinedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
