namespace TeamAccess;

/// <summary>
/// A guardian's offer of the guardian role to another Active member of the team: the first step of a hand-over, which
/// the member accepts or declines. A team has at most one; it is kept on the team (<see cref="Team.OwnershipOffer"/>),
/// so it changes under the team's version like everything else inside the team.
/// </summary>
public sealed record OwnershipOffer
{
    /// <summary>Initializes a new instance of the <see cref="OwnershipOffer"/> record.</summary>
    /// <param name="id">The offer's id, which an accept or a decline names, so that nobody answers an offer they have not seen.</param>
    /// <param name="from">The offering guardian's membership.</param>
    /// <param name="to">The membership offered the guardian role.</param>
    /// <param name="keepRole">Whether the offerer keeps the guardian role once the offer is accepted; otherwise they take the highest-ranked role below it (Administrator in the Owner/Administrator/Member/Observer preset).</param>
    /// <param name="offeredAt">When the offer was made.</param>
    /// <param name="expiresAt">When the offer stops being open, unless answered or withdrawn before.</param>
    public OwnershipOffer(OwnershipOfferId id, MembershipId from, MembershipId to, bool keepRole, DateTimeOffset offeredAt, DateTimeOffset expiresAt)
    {
        Id = id;
        From = from;
        To = to;
        KeepRole = keepRole;
        OfferedAt = offeredAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the offer's id, which an accept or a decline names, so that nobody answers an offer they have not seen.</summary>
    public OwnershipOfferId Id { get; init; }

    /// <summary>Gets the offering guardian's membership.</summary>
    public MembershipId From { get; init; }

    /// <summary>Gets the membership offered the guardian role.</summary>
    public MembershipId To { get; init; }

    /// <summary>Gets whether the offerer keeps the guardian role once the offer is accepted; otherwise they take the highest-ranked role below it (Administrator in the Owner/Administrator/Member/Observer preset).</summary>
    public bool KeepRole { get; init; }

    /// <summary>Gets when the offer was made.</summary>
    public DateTimeOffset OfferedAt { get; init; }

    /// <summary>Gets when the offer stops being open, unless answered or withdrawn before.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Gets whether the offer can still be accepted at <paramref name="now"/>.</summary>
    /// <param name="now">The time.</param>
    /// <returns><see langword="true"/> before <see cref="ExpiresAt"/>.</returns>
    public bool IsOpenAt(DateTimeOffset now) => now < ExpiresAt;
}
