namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A team's own role.</summary>
internal sealed record TeamRoleResponse(Guid RoleId, string Name, int Rank, IReadOnlyList<string> Permissions, bool IsReadOnly, bool IsScopedToGrants)
{
    public static TeamRoleResponse From(TeamRole r) => new(r.Id.Value, r.Name, r.Rank, r.Permissions, r.IsReadOnly, r.IsScopedToGrants);
}
