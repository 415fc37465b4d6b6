using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>What sign-up created; the account is unconfirmed until the activation link is used.</summary>
internal sealed record SignUpResponse(Guid UserId, string Email, Guid TeamId, string TeamHandle, Guid MembershipId, bool EmailConfirmed);
