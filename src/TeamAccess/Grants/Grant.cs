using System.Collections.Immutable;

namespace TeamAccess;

/// <summary>What a grant is given to.</summary>
public enum GrantSubjectKind
{
    /// <summary>One membership.</summary>
    Membership = 0,

    /// <summary>Every member of a group.</summary>
    Group = 1,
}

/// <summary>The receiver of a grant: a membership or a group.</summary>
/// <param name="Kind">Membership or group.</param>
/// <param name="Id">The membership's or group's id.</param>
public readonly record struct GrantSubject(GrantSubjectKind Kind, Guid Id)
{
    /// <summary>A grant to one membership.</summary>
    /// <param name="id">The membership.</param>
    /// <returns>The subject.</returns>
    public static GrantSubject ForMembership(MembershipId id) => new(GrantSubjectKind.Membership, id.Value);

    /// <summary>A grant to every member of a group.</summary>
    /// <param name="id">The group.</param>
    /// <returns>The subject.</returns>
    public static GrantSubject ForGroup(GroupId id) => new(GrantSubjectKind.Group, id.Value);
}

/// <summary>A permission set given to a membership or group on one resource (a project, a device group).</summary>
/// <param name="Id">The grant's id.</param>
/// <param name="TeamId">The team.</param>
/// <param name="Subject">Who receives it.</param>
/// <param name="ResourceId">The host's resource id.</param>
/// <param name="Permissions">The permission names, sorted and distinct.</param>
/// <param name="GrantedBy">The user who gave it.</param>
public sealed record Grant(GrantId Id, TeamId TeamId, GrantSubject Subject, string ResourceId, ImmutableArray<string> Permissions, UserId GrantedBy);
