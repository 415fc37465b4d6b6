namespace TeamAccess.Events;

/// <summary>A membership was created Active (sign-up, team creation, direct add). Projected from <c>membership.added</c>.</summary>
public sealed class MemberAddedEvent : MembershipEvent
{
    internal MemberAddedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
