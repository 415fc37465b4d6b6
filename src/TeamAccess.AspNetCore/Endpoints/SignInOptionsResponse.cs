using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>How a team signs its members in: the "log in with team SSO" page asks this by handle.</summary>
internal sealed record SignInOptionsResponse(string TeamHandle, string TeamName, bool RequiresSso, string? SsoProvider);
