namespace TeamAccess.Domain;

/// <summary>What an invite batch decided: an outcome per address, and the invitations to send once committed.</summary>
/// <param name="Outcomes">The outcomes, in the order of the addresses.</param>
/// <param name="Issued">The invitations issued.</param>
internal sealed record InviteBatch(IReadOnlyList<InviteOutcome> Outcomes, IReadOnlyList<IssuedInvitation> Issued);
