namespace TeamAccess.Events;

/// <summary>A password sign-in succeeded. Projected from <c>user.signed_in</c>.</summary>
public sealed class UserSignedInEvent : TeamAccessEvent
{
    internal UserSignedInEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
