namespace TeamAccess;

/// <summary>One page of a team's groups, each with its members, ordered by the group's handle.</summary>
public sealed class GroupQuery : PageQuery<GroupPageKey>
{
}
