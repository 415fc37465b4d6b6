namespace TeamAccess;

/// <summary>One page of the teams a user belongs to (Active or Inactive memberships of Active teams), ordered by the team's handle.</summary>
public sealed class UserTeamQuery : PageQuery<TeamPageKey>
{
}
