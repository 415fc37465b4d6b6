namespace TeamAccess.Events;

/// <summary>A team was renamed. Projected from <c>team.renamed</c>.</summary>
public sealed class TeamRenamedEvent : TeamAccessEvent
{
    internal TeamRenamedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
