namespace TeamAccess.Domain;

/// <summary>An invitation the aggregate issued, with its secret in the clear for the one message sent after the commit.</summary>
/// <param name="Team">The team, whose name and handle the message shows.</param>
/// <param name="Membership">The invited membership.</param>
/// <param name="Secret">The token and code, and their stored hashes.</param>
internal sealed record IssuedInvitation(Team Team, StoredMembership Membership, InvitationSecrets.Issued Secret);
