using System.Collections.Immutable;

namespace TeamAccess;

/// <summary>A named subset of a team's members with a handle unique in the team, for tagging and for granting.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="TeamId">The team.</param>
/// <param name="Name">The display name.</param>
/// <param name="Handle">The handle, unique within the team.</param>
/// <param name="Members">The memberships in the group, sorted.</param>
public sealed record Group(GroupId Id, TeamId TeamId, string Name, string Handle, ImmutableSortedSet<MembershipId> Members);
