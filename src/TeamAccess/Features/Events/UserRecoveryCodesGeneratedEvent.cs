namespace TeamAccess.Events;

/// <summary>The user generated new recovery codes; the old ones no longer work. Projected from <c>user.recovery_codes_generated</c>.</summary>
public sealed class UserRecoveryCodesGeneratedEvent : TeamAccessEvent
{
    internal UserRecoveryCodesGeneratedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
