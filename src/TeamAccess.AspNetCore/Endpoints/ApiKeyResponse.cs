namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>An API key as lists show it: never its secret or hash.</summary>
internal sealed record ApiKeyResponse(Guid KeyId, Guid ServiceAccountId, string Name, IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, Guid? ReplacedBy, bool IsPersonal = false)
{
    public static ApiKeyResponse From(ServiceAccounts.ApiKey k) => new(k.Id.Value, k.ServiceAccountId.Value, k.Name, k.Permissions, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.ReplacedBy?.Value, k.IsPersonal);
}
