namespace TeamAccess.Storage;

/// <summary>A group was deleted, with its members' places in it.</summary>
public sealed class GroupRemoval : TeamOperation
{
    /// <summary>Initializes a new instance of the <see cref="GroupRemoval"/> class.</summary>
    /// <param name="before">The group as it was.</param>
    /// <param name="action">The audit action.</param>
    public GroupRemoval(Group before, string action)
    {
        Before = before;
        Action = action;
    }

    /// <summary>Gets the group as it was.</summary>
    public Group Before { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event<Group>(actor, at, teamId, AuditSubjectKind.Group, Before.Id.Value, Action, Before, null);
}
