namespace TeamAccess.Storage;

/// <summary>A team role was defined or changed (its name never changes: memberships name it).</summary>
public sealed class TeamRolePut : TeamOperation
{
    /// <summary>Creates the operation.</summary>
    /// <param name="before">The role before; <see langword="null"/> when the write defines it.</param>
    /// <param name="after">The role to store.</param>
    /// <param name="action">The audit action.</param>
    public TeamRolePut(TeamRole? before, TeamRole after, string action)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(action);
        Before = before;
        After = after;
        Action = action;
    }

    /// <summary>Gets the role before; <see langword="null"/> when the write defines it.</summary>
    public TeamRole? Before { get; }

    /// <summary>Gets the role to store.</summary>
    public TeamRole After { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.TeamRole, After.Id.Value, Action, Before, After);
}
