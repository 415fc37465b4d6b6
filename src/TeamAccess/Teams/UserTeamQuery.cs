namespace TeamAccess;

/// <summary>One page of the teams a user belongs to (Active or Inactive memberships of Active teams), ordered by the team's handle.</summary>
public sealed record UserTeamQuery : PageQuery<TeamPageKey>;

/// <summary>The stable key a page of teams is ordered by and continues after: the team's handle, unique among teams.</summary>
/// <param name="Handle">The last team's handle.</param>
public readonly record struct TeamPageKey(string Handle);
