using System.Collections.Immutable;

namespace TeamAccess;

/// <summary>A permission set given to a membership or group on one resource (a project, a device group).</summary>
/// <param name="Id">The grant's id.</param>
/// <param name="TeamId">The team.</param>
/// <param name="Subject">Who receives it.</param>
/// <param name="ResourceId">The host's resource id.</param>
/// <param name="Permissions">The permission names, sorted and distinct.</param>
/// <param name="GrantedBy">The user who gave it.</param>
public sealed record Grant(GrantId Id, TeamId TeamId, GrantSubject Subject, string ResourceId, ImmutableArray<string> Permissions, UserId GrantedBy);
