namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>A team; its version is the optimistic-concurrency token of everything inside the team.</summary>
internal sealed class TeamRow
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Handle { get; set; } = "";

    public TeamTier Tier { get; set; }

    public TeamStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }

    // The team's sign-in policy; accepted providers (names never hold a space) are stored space-separated.
    public bool SsoRequired { get; set; }

    public string? SsoProvider { get; set; }

    public string AcceptedProviders { get; set; } = "";

    public string? VerifiedDomain { get; set; }

    public string? JustInTimeRole { get; set; }

    public bool SecondFactorRequired { get; set; }

    public bool PasskeyRequired { get; set; }

    // The team's ownership offer, if any: all null when there is none. On the team's row, so it changes under the
    // team's version with the memberships it names, and loading a team reads no other table for it.
    public Guid? OwnershipOfferId { get; set; }

    public Guid? OwnershipOfferFrom { get; set; }

    public Guid? OwnershipOfferTo { get; set; }

    public bool? OwnershipOfferKeepRole { get; set; }

    public DateTimeOffset? OwnershipOfferedAt { get; set; }

    public DateTimeOffset? OwnershipOfferExpiresAt { get; set; }

    // The expiry sweep's key: the open offer's expiry in UTC ticks, null without one or once the team is deleted.
    public long? OpenOfferExpiresAtUtcTicks { get; set; }
}
