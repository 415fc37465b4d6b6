namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A team's open ownership offer: who offered the guardian role to whom, and until when.</summary>
internal sealed record OwnershipOfferResponse(Guid OfferId, Guid FromMembershipId, Guid ToMembershipId, bool KeepRole, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt)
{
    public static OwnershipOfferResponse From(OwnershipOffer o) => new(o.Id.Value, o.From.Value, o.To.Value, o.KeepRole, o.OfferedAt, o.ExpiresAt);
}
