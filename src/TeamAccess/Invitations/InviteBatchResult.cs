namespace TeamAccess;

/// <summary>The outcomes of an invite, one per address, in the order given.</summary>
/// <param name="Outcomes">The outcomes.</param>
public sealed record InviteBatchResult(IReadOnlyList<InviteOutcome> Outcomes);
