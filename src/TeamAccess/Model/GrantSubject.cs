using System.Collections.Immutable;

namespace TeamAccess;

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
