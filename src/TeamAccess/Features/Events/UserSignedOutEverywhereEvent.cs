namespace TeamAccess.Events;

/// <summary>Every session of the user was signed out. Projected from <c>user.signed_out_everywhere</c>.</summary>
public sealed class UserSignedOutEverywhereEvent : TeamAccessEvent
{
    internal UserSignedOutEverywhereEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
