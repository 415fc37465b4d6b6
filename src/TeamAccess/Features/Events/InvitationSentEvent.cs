namespace TeamAccess.Events;

/// <summary>An address was invited: a new Invited membership, its message handed to the sender after the commit. Projected from <c>membership.invited</c>.</summary>
public sealed class InvitationSentEvent : MembershipEvent
{
    internal InvitationSentEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
