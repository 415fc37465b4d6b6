namespace TeamAccess.Events;

/// <summary>The user generated new recovery codes; the old ones no longer work. Projected from <see cref="AuditActions.UserRecoveryCodesGenerated"/>.</summary>
public sealed class UserRecoveryCodesGeneratedEvent : TeamAccessEvent
{
    internal UserRecoveryCodesGeneratedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
