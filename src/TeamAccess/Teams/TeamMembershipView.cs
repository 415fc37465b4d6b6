namespace TeamAccess;

/// <summary>A team as one of its members sees it in a team switcher.</summary>
/// <param name="Team">The team.</param>
/// <param name="MembershipId">The user's membership.</param>
/// <param name="Role">The user's role.</param>
/// <param name="Status">The membership's status.</param>
public sealed record TeamMembershipView(Team Team, MembershipId MembershipId, string Role, MembershipStatus Status);
