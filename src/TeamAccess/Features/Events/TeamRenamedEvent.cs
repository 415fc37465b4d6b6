namespace TeamAccess.Events;

/// <summary>A team was renamed. Projected from <see cref="AuditActions.TeamRenamed"/>.</summary>
public sealed class TeamRenamedEvent : TeamAccessEvent
{
    internal TeamRenamedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
