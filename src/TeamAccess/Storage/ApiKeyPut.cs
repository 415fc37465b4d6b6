namespace TeamAccess.Storage;

/// <summary>An API key was created, rotated or revoked. Audited without its hash.</summary>
public sealed class ApiKeyPut : TeamOperation
{
    /// <summary>Initializes a new instance of the <see cref="ApiKeyPut"/> class.</summary>
    /// <param name="before">The key before; <see langword="null"/> when the write creates it.</param>
    /// <param name="after">The key to store.</param>
    /// <param name="action">The audit action.</param>
    public ApiKeyPut(StoredApiKey? before, StoredApiKey after, string action)
    {
        Before = before;
        After = after;
        Action = action;
    }

    /// <summary>Gets the key before; <see langword="null"/> when the write creates it.</summary>
    public StoredApiKey? Before { get; }

    /// <summary>Gets the key to store.</summary>
    public StoredApiKey After { get; }

    /// <summary>Gets the audit action.</summary>
    public string Action { get; }

    internal override AuditEvent ToAudit(UserId? actor, DateTimeOffset at, TeamId teamId) =>
        Event(actor, at, teamId, AuditSubjectKind.ApiKey, After.Id.Value, Action, Before is null ? null : Before with { Hash = string.Empty }, After with { Hash = string.Empty });
}
