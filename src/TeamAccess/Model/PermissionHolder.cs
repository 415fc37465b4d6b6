namespace TeamAccess;

/// <summary>A member who holds a permission, and how.</summary>
public sealed record PermissionHolder
{
    /// <summary>Initializes a new instance of the <see cref="PermissionHolder"/> record.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="membershipId">The user's membership in the team.</param>
    /// <param name="role">The membership's role.</param>
    /// <param name="via">Every way the membership holds the permission.</param>
    internal PermissionHolder(UserId userId, MembershipId membershipId, string role, AccessPaths via)
    {
        UserId = userId;
        MembershipId = membershipId;
        Role = role;
        Via = via;
    }

    /// <summary>Gets the user.</summary>
    public UserId UserId { get; internal init; }

    /// <summary>Gets the user's membership in the team.</summary>
    public MembershipId MembershipId { get; internal init; }

    /// <summary>Gets the membership's role.</summary>
    public string Role { get; internal init; }

    /// <summary>Gets every way the membership holds the permission.</summary>
    public AccessPaths Via { get; internal init; }

    /// <summary>Gets whether the holder is a service account (<see cref="UserId"/> is then its principal id, no person's) rather than a person.</summary>
    public bool IsServiceAccount { get; internal init; }
}
