namespace TeamAccess;

/// <summary>One row of a team's Users page.</summary>
/// <param name="MembershipId">The membership.</param>
/// <param name="UserId">The user; <see langword="null"/> for an invited address with no account.</param>
/// <param name="Email">The email address.</param>
/// <param name="FirstName">The first name, when there is a user.</param>
/// <param name="LastName">The last name, when there is a user.</param>
/// <param name="Role">The role.</param>
/// <param name="Status">The status.</param>
/// <param name="CreatedAt">When the membership was created.</param>
public sealed record MemberView(
    MembershipId MembershipId,
    UserId? UserId,
    string Email,
    string? FirstName,
    string? LastName,
    string Role,
    MembershipStatus Status,
    DateTimeOffset CreatedAt);
