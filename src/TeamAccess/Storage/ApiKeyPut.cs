namespace TeamAccess.Storage;

/// <summary>An API key was created, rotated or revoked. Audited without its hash.</summary>
/// <param name="Before">The key before; <see langword="null"/> when the write creates it.</param>
/// <param name="After">The key to store.</param>
/// <param name="Action">The audit action.</param>
public sealed record ApiKeyPut(StoredApiKey? Before, StoredApiKey After, string Action) : TeamOperation
{
    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.ApiKey, After.Id.Value, Action, Before is null ? null : Before with { Hash = string.Empty }, After with { Hash = string.Empty });
}
