namespace TeamAccess.Events;

/// <summary>An invitation was revoked before it was accepted. Projected from <c>invitation.revoked</c>.</summary>
public sealed class InvitationRevokedEvent : MembershipEvent
{
    internal InvitationRevokedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
