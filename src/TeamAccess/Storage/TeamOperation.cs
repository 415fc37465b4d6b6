namespace TeamAccess.Storage;

/// <summary>
/// One thing a write did inside a team, as its aggregate performed it: the unit a store applies, the audit log records
/// (its action, with the subject before and after; a secret is never audited) and the change feed carries. The set of
/// operations is closed.
/// </summary>
public abstract class TeamOperation
{
    /// <summary>The audit event of the operation, or <see langword="null"/> when it is not audited.</summary>
    internal abstract AuditEvent? ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId);

    private protected static AuditEvent Event<T>(UserId? actor, DateTimeOffset at, TeamId teamId, AuditSubjectKind kind, Guid subjectId, string action, T? before, T? after)
        where T : class =>
        new(0, at, actor, teamId, kind, subjectId, action, AuditJson.Serialize(before), AuditJson.Serialize(after));
}
