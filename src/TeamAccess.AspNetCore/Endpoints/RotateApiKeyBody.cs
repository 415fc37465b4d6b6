namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A rotation: how long the old key keeps working, in seconds (absent: 0, it stops at once).</summary>
internal sealed record RotateApiKeyBody(long? OverlapSeconds);
