namespace TeamAccess.Events;

/// <summary>A user joined a team just in time, through the team's SSO provider and verified domain. Projected from <c>membership.joined_just_in_time</c>.</summary>
public sealed class MemberJoinedJustInTimeEvent : MembershipEvent
{
    internal MemberJoinedJustInTimeEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
