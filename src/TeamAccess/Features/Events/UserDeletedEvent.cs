namespace TeamAccess.Events;

/// <summary>A user was deleted (each of their memberships is removed by a <see cref="MemberRemovedEvent"/> of its own). Projected from <c>user.deleted</c>.</summary>
public sealed class UserDeletedEvent : TeamAccessEvent
{
    internal UserDeletedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
