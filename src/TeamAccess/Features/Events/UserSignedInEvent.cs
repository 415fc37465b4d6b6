namespace TeamAccess.Events;

/// <summary>A password sign-in succeeded. Projected from <see cref="AuditActions.UserSignedIn"/>.</summary>
public sealed class UserSignedInEvent : TeamAccessEvent
{
    internal UserSignedInEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
