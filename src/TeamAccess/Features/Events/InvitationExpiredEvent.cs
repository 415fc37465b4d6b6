namespace TeamAccess.Events;

/// <summary>An invitation was found expired and closed. Projected from <see cref="AuditActions.InvitationExpired"/>.</summary>
public sealed class InvitationExpiredEvent : MembershipEvent
{
    internal InvitationExpiredEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
