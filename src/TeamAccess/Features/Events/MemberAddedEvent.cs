namespace TeamAccess.Events;

/// <summary>A membership was created Active (sign-up, team creation, direct add). Projected from <see cref="AuditActions.MembershipAdded"/>.</summary>
public sealed class MemberAddedEvent : MembershipEvent
{
    internal MemberAddedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
