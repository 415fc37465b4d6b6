namespace TeamAccess.Storage;

/// <summary>A group was created or changed (renamed, a member added or removed).</summary>
public sealed class GroupPut : TeamOperation
{
    /// <summary>Initializes a new instance of the <see cref="GroupPut"/> class.</summary>
    /// <param name="before">The group before; <see langword="null"/> when the write creates it.</param>
    /// <param name="after">The group to store.</param>
    /// <param name="action">The audit action.</param>
    public GroupPut(Group? before, Group after, string action)
    {
        Before = before;
        After = after;
        Action = action;
    }

    /// <summary>Gets the group before; <see langword="null"/> when the write creates it.</summary>
    public Group? Before { get; }

    /// <summary>Gets the group to store.</summary>
    public Group After { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Group, After.Id.Value, Action, Before, After);
}
