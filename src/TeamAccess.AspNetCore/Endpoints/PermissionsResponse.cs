namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>Every permission a user holds in the team, or on one resource of it.</summary>
internal sealed record PermissionsResponse(Guid UserId, string? ResourceId, IReadOnlyList<string> Permissions);
