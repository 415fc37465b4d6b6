namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>The offer a member accepts or declines, as they saw it (its id), so nobody answers an offer they have not seen.</summary>
internal sealed record OwnershipAnswerBody(string? OfferId);
