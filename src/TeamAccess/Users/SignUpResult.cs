namespace TeamAccess;

/// <summary>What signing up created.</summary>
/// <param name="User">The new user.</param>
/// <param name="Team">The new team.</param>
/// <param name="Membership">The user's Active membership in the guardian role.</param>
public sealed record SignUpResult(User User, Team Team, Membership Membership);
