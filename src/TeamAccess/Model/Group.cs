using System.Collections.Immutable;

namespace TeamAccess;

/// <summary>A named subset of a team's members with a handle unique in the team, for tagging and for granting.</summary>
public sealed record Group
{
    /// <summary>Initializes a new instance of the <see cref="Group"/> record.</summary>
    /// <param name="id">The group's id.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="name">The display name.</param>
    /// <param name="handle">The handle, unique within the team.</param>
    /// <param name="members">The memberships in the group, sorted.</param>
    public Group(GroupId id, TeamId teamId, string name, string handle, ImmutableSortedSet<MembershipId> members)
    {
        Id = id;
        TeamId = teamId;
        Name = name;
        Handle = handle;
        Members = members;
    }

    /// <summary>Gets the group's id.</summary>
    public GroupId Id { get; init; }

    /// <summary>Gets the team.</summary>
    public TeamId TeamId { get; init; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; init; }

    /// <summary>Gets the handle, unique within the team.</summary>
    public string Handle { get; init; }

    /// <summary>Gets the memberships in the group, sorted.</summary>
    public ImmutableSortedSet<MembershipId> Members { get; init; }
}
