namespace TeamAccess.Events;

/// <summary>A second factor was proven (an authenticator code, whose time step is now used, or a recovery code, now spent). Projected from <see cref="AuditActions.UserSecondFactorProven"/>.</summary>
public sealed class UserSecondFactorProvenEvent : TeamAccessEvent
{
    internal UserSecondFactorProvenEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
