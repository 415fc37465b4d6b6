namespace TeamAccess;

/// <summary>What a person gives to sign up: who they are and the team they start.</summary>
/// <param name="Email">The email address (normalized on the way in).</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="TeamName">The new team's name.</param>
/// <param name="TeamHandle">The new team's handle, such as <c>maintenance-team</c>.</param>
public sealed record SignUpRequest(string Email, string FirstName, string LastName, string TeamName, string TeamHandle);

/// <summary>What signing up created.</summary>
/// <param name="User">The new user.</param>
/// <param name="Team">The new team.</param>
/// <param name="Membership">The user's Active membership in the guardian role.</param>
public sealed record SignUpResult(User User, Team Team, Membership Membership);
