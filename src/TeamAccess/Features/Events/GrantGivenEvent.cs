namespace TeamAccess.Events;

/// <summary>A grant was given or widened. Projected from <c>grant.given</c>.</summary>
public sealed class GrantGivenEvent : TeamAccessEvent
{
    internal GrantGivenEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
