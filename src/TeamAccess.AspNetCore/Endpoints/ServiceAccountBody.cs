namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A service account to create (name and role required) or change (each field absent: kept).</summary>
internal sealed record ServiceAccountBody(string? Name, string? Role, string? Description);
