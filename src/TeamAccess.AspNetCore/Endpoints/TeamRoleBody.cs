namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>
/// A team role to define or change: its name (on a change, the route names the role and a name here must be the same),
/// rank and permissions (both required: a change replaces the whole definition), and its flags (absent: false).
/// </summary>
internal sealed record TeamRoleBody(string? Name, int? Rank, IReadOnlyList<string>? Permissions, bool? IsReadOnly, bool? IsScopedToGrants);
