namespace TeamAccess.Events;

/// <summary>The team's directory (SCIM) set or changed the <c>externalId</c> it knows a member by. Projected from <c>membership.directory_linked</c>.</summary>
public sealed class MemberDirectoryLinkedEvent : MembershipEvent
{
    internal MemberDirectoryLinkedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
