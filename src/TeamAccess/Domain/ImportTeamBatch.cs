namespace TeamAccess.Domain;

/// <summary>What a team's aggregate decided for one batch of import rows.</summary>
/// <param name="Outcomes">An outcome per row, in row order.</param>
/// <param name="Issued">The invitations to send once committed.</param>
/// <param name="CreatedUsers">The users the batch creates, which later teams of the same batch find.</param>
internal sealed record ImportTeamBatch(IReadOnlyList<ImportOutcome> Outcomes, IReadOnlyList<IssuedInvitation> Issued, IReadOnlyList<StoredUser> CreatedUsers);
