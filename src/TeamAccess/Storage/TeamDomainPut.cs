namespace TeamAccess.Storage;

/// <summary>A team claimed a domain, a check changed the claim's state, or the team released it.</summary>
public sealed class TeamDomainPut : TeamOperation
{
    /// <summary>Initializes a new instance of the <see cref="TeamDomainPut"/> class.</summary>
    /// <param name="before">The claim before; <see langword="null"/> when the write makes it.</param>
    /// <param name="after">The claim to store; <see langword="null"/> when the write removes it.</param>
    /// <param name="action">The audit action.</param>
    public TeamDomainPut(StoredTeamDomain? before, StoredTeamDomain? after, string action)
    {
        Before = before;
        After = after;
        Action = action;
    }

    /// <summary>Gets the claim before; <see langword="null"/> when the write makes it.</summary>
    public StoredTeamDomain? Before { get; }

    /// <summary>Gets the claim to store; <see langword="null"/> when the write removes it.</summary>
    public StoredTeamDomain? After { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    /// <summary>Gets the claim's id.</summary>
    public TeamDomainId Id => (After ?? Before)!.Id;

    // A re-check that found the claim as it was moves only its next check: nothing to audit.
    internal override AuditEvent? ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Before is not null && After is not null && Before.State == After.State ? null : Event(actor, at, teamId, AuditSubjectKind.TeamDomain, Id.Value, Action, Before, After);
}
