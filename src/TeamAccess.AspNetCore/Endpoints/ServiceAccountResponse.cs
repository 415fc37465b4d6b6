namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A service account of the team.</summary>
internal sealed record ServiceAccountResponse(Guid ServiceAccountId, Guid PrincipalId, string Name, string Description, string Role, MembershipStatus Status, DateTimeOffset CreatedAt)
{
    public static ServiceAccountResponse From(ServiceAccounts.ServiceAccount a) => new(a.Id.Value, a.PrincipalId.Value, a.Name, a.Description, a.Role, a.Status, a.CreatedAt);
}
