namespace TeamAccess.Domain;

/// <summary>What provisioning made: the membership, and the invitation to send when the person was invited.</summary>
/// <param name="Membership">The membership.</param>
/// <param name="Invitation">The invitation to send after the commit; <see langword="null"/> for a direct join.</param>
internal sealed record DirectoryProvisioned(StoredMembership Membership, IssuedInvitation? Invitation);
