namespace TeamAccess;

/// <summary>
/// A user's place in one team: a role and a status. The host's view of a membership: it carries no security stamp.
/// </summary>
public sealed class Membership
{
    // Built from the stored record only at the service boundary (Writes/Views.cs), so the host's view stays apart
    // from the stored one.
    internal Membership(MembershipId id, TeamId teamId, UserId? userId, string email, string role, MembershipStatus status, DateTimeOffset createdAt, UserId? createdBy, Invitation? invitation, DateTimeOffset updatedAt)
    {
        Id = id;
        TeamId = teamId;
        UserId = userId;
        Email = email;
        Role = role;
        Status = status;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
        Invitation = invitation;
        UpdatedAt = updatedAt;
    }

    /// <summary>Gets the membership's id.</summary>
    public MembershipId Id { get; }

    /// <summary>Gets the team.</summary>
    public TeamId TeamId { get; }

    /// <summary>Gets the user; <see langword="null"/> while an invited address has no account.</summary>
    public UserId? UserId { get; }

    /// <summary>Gets the normalized email address of the user or of the invited address.</summary>
    public string Email { get; }

    /// <summary>Gets the role's name, as in the role catalog.</summary>
    public string Role { get; }

    /// <summary>Gets the lifecycle state.</summary>
    public MembershipStatus Status { get; }

    /// <summary>Gets when the membership was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets who created the membership (the inviter, or the user who created the team).</summary>
    public UserId? CreatedBy { get; }

    /// <summary>Gets the invitation that created the membership, if it was invited (its secret is kept apart).</summary>
    public Invitation? Invitation { get; }

    /// <summary>Gets when the membership last changed.</summary>
    public DateTimeOffset UpdatedAt { get; }
}
