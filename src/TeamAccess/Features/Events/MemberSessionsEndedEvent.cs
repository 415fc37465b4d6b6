namespace TeamAccess.Events;

/// <summary>A member's sessions in the team were ended (a team admin signed them out, or their unconfirmed account was claimed by an authoritative provider). Projected from <c>membership.sessions_ended</c>.</summary>
public sealed class MemberSessionsEndedEvent : MembershipEvent
{
    internal MemberSessionsEndedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
