using System.Collections.Immutable;

namespace TeamAccess;

/// <summary>A permission set given to a membership or group on one resource (a project, a device group).</summary>
public sealed record Grant
{
    /// <summary>Initializes a new instance of the <see cref="Grant"/> record.</summary>
    /// <param name="id">The grant's id.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="subject">Who receives it.</param>
    /// <param name="resourceId">The host's resource id.</param>
    /// <param name="permissions">The permission names, sorted and distinct.</param>
    /// <param name="grantedBy">The user who gave it.</param>
    public Grant(GrantId id, TeamId teamId, GrantSubject subject, string resourceId, ImmutableArray<string> permissions, UserId grantedBy)
    {
        Id = id;
        TeamId = teamId;
        Subject = subject;
        ResourceId = resourceId;
        Permissions = permissions;
        GrantedBy = grantedBy;
    }

    /// <summary>Gets the grant's id.</summary>
    public GrantId Id { get; init; }

    /// <summary>Gets the team.</summary>
    public TeamId TeamId { get; init; }

    /// <summary>Gets who receives it.</summary>
    public GrantSubject Subject { get; init; }

    /// <summary>Gets the host's resource id.</summary>
    public string ResourceId { get; init; }

    /// <summary>Gets the permission names, sorted and distinct.</summary>
    public ImmutableArray<string> Permissions { get; init; }

    /// <summary>Gets the user who gave it.</summary>
    public UserId GrantedBy { get; init; }
}
