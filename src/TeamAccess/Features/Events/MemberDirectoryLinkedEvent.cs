namespace TeamAccess.Events;

/// <summary>The team's directory (SCIM) set or changed the <c>externalId</c> it knows a member by. Projected from <see cref="AuditActions.MembershipDirectoryLinked"/>.</summary>
public sealed class MemberDirectoryLinkedEvent : MembershipEvent
{
    internal MemberDirectoryLinkedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
