namespace TeamAccess.Storage;

/// <summary>A grant was given or changed.</summary>
public sealed class GrantPut : TeamOperation
{
    /// <summary>Initializes a new instance of the <see cref="GrantPut"/> class.</summary>
    /// <param name="before">The grant before; <see langword="null"/> when the write gives it.</param>
    /// <param name="after">The grant to store.</param>
    /// <param name="action">The audit action.</param>
    public GrantPut(Grant? before, Grant after, string action)
    {
        Before = before;
        After = after;
        Action = action;
    }

    /// <summary>Gets the grant before; <see langword="null"/> when the write gives it.</summary>
    public Grant? Before { get; }

    /// <summary>Gets the grant to store.</summary>
    public Grant After { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.Grant, After.Id.Value, Action, Before, After);
}
