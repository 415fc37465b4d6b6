namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A key to create: its label (required), its lifetime in seconds (absent: the host's default), the permissions it is narrowed to (absent: none).</summary>
internal sealed record ApiKeyBody(string? Name, long? LifetimeSeconds, IReadOnlyList<string>? Permissions);
