namespace TeamAccess.Storage;

/// <summary>A team's own identity provider was added, changed or deleted. Audited without its client secret.</summary>
/// <param name="Before">The provider before; <see langword="null"/> when the write adds it.</param>
/// <param name="After">The provider to store; <see langword="null"/> when the write deletes it.</param>
/// <param name="Action">The audit action.</param>
public sealed record TeamProviderPut(StoredTeamProvider? Before, StoredTeamProvider? After, string Action) : TeamOperation
{
    /// <summary>Gets the provider's id.</summary>
    public TeamProviderId Id => (After ?? Before)!.Id;

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.TeamProvider, Id.Value, Action, Redacted(Before), Redacted(After));

    private static StoredTeamProvider? Redacted(StoredTeamProvider? provider) => provider is null ? null : provider with { ProtectedClientSecret = string.Empty };
}
