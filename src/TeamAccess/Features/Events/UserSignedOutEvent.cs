namespace TeamAccess.Events;

/// <summary>One session was signed out. Projected from <c>user.signed_out</c>.</summary>
public sealed class UserSignedOutEvent : TeamAccessEvent
{
    internal UserSignedOutEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
