namespace TeamAccess.Storage;

/// <summary>A current person membership as the directory sees it: the membership and its user's names.</summary>
public sealed class DirectoryMemberRow
{
    /// <summary>Initializes a new instance of the <see cref="DirectoryMemberRow"/> class.</summary>
    /// <param name="membership">The membership.</param>
    /// <param name="firstName">The user's first name; <see langword="null"/> while an invited address has no account.</param>
    /// <param name="lastName">The user's last name; <see langword="null"/> while an invited address has no account.</param>
    public DirectoryMemberRow(StoredMembership membership, string? firstName, string? lastName)
    {
        Membership = membership;
        FirstName = firstName;
        LastName = lastName;
    }

    /// <summary>Gets the membership.</summary>
    public StoredMembership Membership { get; }

    /// <summary>Gets the user's first name; <see langword="null"/> while an invited address has no account.</summary>
    public string? FirstName { get; }

    /// <summary>Gets the user's last name; <see langword="null"/> while an invited address has no account.</summary>
    public string? LastName { get; }
}
