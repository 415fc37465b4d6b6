namespace TeamAccess.Events;

/// <summary>A user's names changed. Projected from <c>user.renamed</c>.</summary>
public sealed class UserRenamedEvent : TeamAccessEvent
{
    internal UserRenamedEvent(AuditEvent audit)
        : base(audit)
    {
    }
}
