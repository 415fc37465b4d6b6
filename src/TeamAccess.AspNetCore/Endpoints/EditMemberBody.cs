using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A member's names and role, changed in one call (each part optional).</summary>
internal sealed record EditMemberBody(string? FirstName, string? LastName, string? Role);
