namespace TeamAccess.Events;

/// <summary>A second factor was proven (an authenticator code, whose time step is now used, or a recovery code, now spent). Projected from <c>user.second_factor_proven</c>.</summary>
public sealed class UserSecondFactorProvenEvent : TeamAccessEvent
{
    internal UserSecondFactorProvenEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
