namespace TeamAccess.Events;

/// <summary>A group's name changed; its handle stays. Projected from <c>group.renamed</c>.</summary>
public sealed class GroupRenamedEvent : TeamAccessEvent
{
    internal GroupRenamedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
