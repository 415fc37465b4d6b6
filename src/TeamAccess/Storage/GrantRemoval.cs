namespace TeamAccess.Storage;

/// <summary>A grant was revoked.</summary>
public sealed class GrantRemoval : TeamOperation
{
    /// <summary>Initializes a new instance of the <see cref="GrantRemoval"/> class.</summary>
    /// <param name="before">The grant as it was.</param>
    /// <param name="action">The audit action.</param>
    public GrantRemoval(Grant before, string action)
    {
        Before = before;
        Action = action;
    }

    /// <summary>Gets the grant as it was.</summary>
    public Grant Before { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event<Grant>(actor, at, teamId, AuditSubjectKind.Grant, Before.Id.Value, Action, Before, null);
}
