namespace TeamAccess.Storage;

/// <summary>A team claimed a domain, a check changed the claim's state, or the team released it.</summary>
/// <param name="Before">The claim before; <see langword="null"/> when the write makes it.</param>
/// <param name="After">The claim to store; <see langword="null"/> when the write removes it.</param>
/// <param name="Action">The audit action.</param>
public sealed record TeamDomainPut(StoredTeamDomain? Before, StoredTeamDomain? After, string Action) : TeamOperation
{
    /// <summary>Gets the claim's id.</summary>
    public TeamDomainId Id => (After ?? Before)!.Id;

    // A re-check that found the claim as it was moves only its next check: nothing to audit.
    internal override AuditEvent? ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Before is not null && After is not null && Before.State == After.State ? null : Event(actor, at, teamId, AuditSubjectKind.TeamDomain, Id.Value, Action, Before, After);
}
