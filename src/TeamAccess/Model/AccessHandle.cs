using TeamAccess.Index;

namespace TeamAccess;

/// <summary>
/// A (user, team) pair resolved once by <see cref="IAccessChecker.Resolve"/>, for a request that checks several
/// permissions: each further team-level check is a bit test. It answers as of the moment it was resolved; resolve again
/// for the next request. <see langword="default"/> is a handle that holds nothing.
/// </summary>
public readonly struct AccessHandle
{
    private readonly CompiledTeam? _team;
    private readonly CompiledTeam.Entry _entry;

    internal AccessHandle(CompiledTeam team, CompiledTeam.Entry entry)
    {
        _team = team;
        _entry = entry;
    }

    /// <summary>Gets whether the user has a current membership in the team (Active, Inactive or Invited).</summary>
    public bool IsMember => _team is not null;

    /// <summary>Gets the membership, when <see cref="IsMember"/>.</summary>
    public MembershipId? MembershipId => _team?.MembershipIdOf(in _entry);

    /// <summary>
    /// Checks a permission without naming a resource: for a role scoped to grants, every resource permission is
    /// <see langword="false"/> (see <see cref="IAccessChecker.HasPermission(UserId, TeamId, Permission)"/>).
    /// </summary>
    /// <param name="permission">A resolved permission.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool Has(Permission permission) => (_entry.TeamMask & permission.Mask) != 0 && permission.IsDefined;

    /// <summary>Checks a permission on one resource.</summary>
    /// <param name="permission">A resolved permission.</param>
    /// <param name="resourceId">The host's resource id.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool Has(Permission permission, string resourceId) =>
        _team is not null && resourceId is not null && permission.IsDefined && (_team.ResourceMask(in _entry, resourceId) & permission.Mask) != 0;
}
