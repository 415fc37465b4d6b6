namespace TeamAccess.Storage;

/// <summary>A team role was deleted (only one nobody holds, is invited to or joins in).</summary>
public sealed class TeamRoleRemoval : TeamOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="before">The role as it was.</param>
    /// <param name="action">The audit action.</param>
    public TeamRoleRemoval(TeamRole before, string action)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(action);
        Before = before;
        Action = action;
    }

    /// <summary>Gets the role as it was.</summary>
    public TeamRole Before { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event<TeamRole>(actor, at, teamId, AuditSubjectKind.TeamRole, Before.Id.Value, Action, Before, null);
}
