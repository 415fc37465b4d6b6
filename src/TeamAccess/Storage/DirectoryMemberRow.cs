namespace TeamAccess.Storage;

/// <summary>A current person membership as the directory sees it: the membership and its user's names.</summary>
/// <param name="Membership">The membership.</param>
/// <param name="FirstName">The user's first name; <see langword="null"/> while an invited address has no account.</param>
/// <param name="LastName">The user's last name; <see langword="null"/> while an invited address has no account.</param>
public sealed record DirectoryMemberRow(StoredMembership Membership, string? FirstName, string? LastName);
