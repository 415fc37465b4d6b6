namespace TeamAccess;

/// <summary>
/// A guardian's offer of the guardian role to another Active member of the team: the first step of a hand-over, which
/// the member accepts or declines. A team has at most one; it is kept on the team (<see cref="Team.OwnershipOffer"/>),
/// so it changes under the team's version like everything else inside the team.
/// </summary>
/// <param name="Id">The offer's id, which an accept or a decline names, so that nobody answers an offer they have not seen.</param>
/// <param name="From">The offering guardian's membership.</param>
/// <param name="To">The membership offered the guardian role.</param>
/// <param name="KeepRole">
/// Whether the offerer keeps the guardian role once the offer is accepted; otherwise they take the highest-ranked role
/// below it (Administrator in the Owner/Administrator/Member/Observer preset).
/// </param>
/// <param name="OfferedAt">When the offer was made.</param>
/// <param name="ExpiresAt">When the offer stops being open, unless answered or withdrawn before.</param>
public sealed record OwnershipOffer(OwnershipOfferId Id, MembershipId From, MembershipId To, bool KeepRole, DateTimeOffset OfferedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Gets whether the offer can still be accepted at <paramref name="now"/>.</summary>
    /// <param name="now">The time.</param>
    /// <returns><see langword="true"/> before <see cref="ExpiresAt"/>.</returns>
    public bool IsOpenAt(DateTimeOffset now) => now < ExpiresAt;
}
