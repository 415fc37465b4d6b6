namespace TeamAccess.Storage;

/// <summary>A team's own identity provider was added, changed or deleted. Audited without its client secret.</summary>
public sealed class TeamProviderPut : TeamOperation
{
    /// <summary>Initializes a new instance of the <see cref="TeamProviderPut"/> class.</summary>
    /// <param name="before">The provider before; <see langword="null"/> when the write adds it.</param>
    /// <param name="after">The provider to store; <see langword="null"/> when the write deletes it.</param>
    /// <param name="action">The audit action.</param>
    public TeamProviderPut(StoredTeamProvider? before, StoredTeamProvider? after, string action)
    {
        Before = before;
        After = after;
        Action = action;
    }

    /// <summary>Gets the provider before; <see langword="null"/> when the write adds it.</summary>
    public StoredTeamProvider? Before { get; }

    /// <summary>Gets the provider to store; <see langword="null"/> when the write deletes it.</summary>
    public StoredTeamProvider? After { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    /// <summary>Gets the provider's id.</summary>
    public TeamProviderId Id => (After ?? Before)!.Id;

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.TeamProvider, Id.Value, Action, Redacted(Before), Redacted(After));

    private static StoredTeamProvider? Redacted(StoredTeamProvider? provider) => provider is null ? null : provider with { ProtectedClientSecret = string.Empty };
}
