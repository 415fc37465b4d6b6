namespace TeamAccess.Events;

/// <summary>Every session of the user was signed out. Projected from <see cref="AuditActions.UserSignedOutEverywhere"/>.</summary>
public sealed class UserSignedOutEverywhereEvent : TeamAccessEvent
{
    internal UserSignedOutEverywhereEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
