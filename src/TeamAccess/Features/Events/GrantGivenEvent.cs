namespace TeamAccess.Events;

/// <summary>A grant was given or widened. Projected from <see cref="AuditActions.GrantGiven"/>.</summary>
public sealed class GrantGivenEvent : TeamAccessEvent
{
    internal GrantGivenEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
