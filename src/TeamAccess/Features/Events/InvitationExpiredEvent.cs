namespace TeamAccess.Events;

/// <summary>An invitation was found expired and closed. Projected from <c>invitation.expired</c>.</summary>
public sealed class InvitationExpiredEvent : MembershipEvent
{
    internal InvitationExpiredEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
