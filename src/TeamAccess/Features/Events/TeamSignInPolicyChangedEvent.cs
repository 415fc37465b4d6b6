namespace TeamAccess.Events;

/// <summary>A team's sign-in policy changed. Projected from <see cref="AuditActions.TeamSignInPolicyChanged"/>.</summary>
public sealed class TeamSignInPolicyChangedEvent : TeamAccessEvent
{
    internal TeamSignInPolicyChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
