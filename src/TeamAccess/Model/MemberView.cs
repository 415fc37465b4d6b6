namespace TeamAccess;

/// <summary>One row of a team's Users page.</summary>
public sealed class MemberView
{
    /// <summary>Initializes a new instance of the <see cref="MemberView"/> class.</summary>
    /// <param name="membershipId">The membership.</param>
    /// <param name="userId">The user; <see langword="null"/> for an invited address with no account.</param>
    /// <param name="email">The email address.</param>
    /// <param name="firstName">The first name, when there is a user.</param>
    /// <param name="lastName">The last name, when there is a user.</param>
    /// <param name="role">The role.</param>
    /// <param name="status">The status.</param>
    /// <param name="createdAt">When the membership was created.</param>
    public MemberView(MembershipId membershipId, UserId? userId, string email, string? firstName, string? lastName, string role, MembershipStatus status, DateTimeOffset createdAt)
    {
        MembershipId = membershipId;
        UserId = userId;
        Email = email;
        FirstName = firstName;
        LastName = lastName;
        Role = role;
        Status = status;
        CreatedAt = createdAt;
    }

    /// <summary>Gets the membership.</summary>
    public MembershipId MembershipId { get; init; }

    /// <summary>Gets the user; <see langword="null"/> for an invited address with no account.</summary>
    public UserId? UserId { get; init; }

    /// <summary>Gets the email address.</summary>
    public string Email { get; init; }

    /// <summary>Gets the first name, when there is a user.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the last name, when there is a user.</summary>
    public string? LastName { get; init; }

    /// <summary>Gets the role.</summary>
    public string Role { get; init; }

    /// <summary>Gets the status.</summary>
    public MembershipStatus Status { get; init; }

    /// <summary>Gets when the membership was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Gets whether the row is a service account (a non-human principal of the team, with no user and no sign-in);
    /// its <see cref="FirstName"/> then carries the service account's name, and its <see cref="Email"/> is a reserved
    /// address no mail reaches.
    /// </summary>
    public bool IsServiceAccount { get; init; }

    /// <summary>Gets where the membership came from: the team, or its directory (SCIM).</summary>
    public MembershipOrigin Origin { get; init; }

    /// <summary>Gets the directory's id of the person (SCIM <c>externalId</c>), when the directory named one.</summary>
    public string? ExternalId { get; init; }
}
