namespace TeamAccess.Events;

/// <summary>A team's sign-in policy changed. Projected from <c>team.sign_in_policy_changed</c>.</summary>
public sealed class TeamSignInPolicyChangedEvent : TeamAccessEvent
{
    internal TeamSignInPolicyChangedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
