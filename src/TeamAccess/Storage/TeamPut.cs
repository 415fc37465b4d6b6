namespace TeamAccess.Storage;

/// <summary>The team's own row changed (created, renamed, tier, policy, deleted).</summary>
public sealed class TeamPut : TeamOperation
{
    /// <summary>Initializes a new instance of the <see cref="TeamPut"/> class.</summary>
    /// <param name="before">The team before; <see langword="null"/> when the write creates it.</param>
    /// <param name="after">The team after (its version is the loaded one; the change's <see cref="TeamChange.After"/> carries the new one).</param>
    /// <param name="action">The audit action.</param>
    public TeamPut(Team? before, Team after, string action)
    {
        Before = before;
        After = after;
        Action = action;
    }

    /// <summary>Gets the team before; <see langword="null"/> when the write creates it.</summary>
    public Team? Before { get; }

    /// <summary>Gets the team after (its version is the loaded one; the change's <see cref="TeamChange.After"/> carries the new one).</summary>
    public Team After { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Team, After.Id.Value, Action, Before, After);
}
