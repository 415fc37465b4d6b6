namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>The member offered the guardian role (a membership id), and whether the offerer keeps it once accepted (absent: false).</summary>
internal sealed record OwnershipOfferBody(string? MembershipId, bool? KeepRole);
