using System.Runtime.CompilerServices;
using TeamAccess.Domain;

namespace TeamAccess.Index;

/// <summary>
/// The permission engine: a compiled index per team, swapped whole on change (copy-on-write) so that readers on any
/// thread always see one consistent version of a team without taking a lock. A check is a probe in the team table, a
/// probe in the team's membership table and a bit test: no allocation, no lock, no await, no store call.
/// </summary>
internal sealed class AccessEngine : IAccessChecker
{
    private readonly TeamTable _teams = new();
    private readonly RoleCatalog _roles;
    private bool _refusing;

    public AccessEngine(RoleCatalog roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        _roles = roles;
    }

    public int TeamCount => _teams.Count;

    /// <summary>Counts the memberships the index holds (for the index-size gauge: a walk over the teams, not a hot path).</summary>
    public long CountEntries()
    {
        var entries = 0L;
        foreach (var team in _teams.All())
        {
            entries += team.Count;
        }

        return entries;
    }

    /// <summary>Gets or sets whether every check is refused: set while the change feed cannot be read past the staleness bound and the host chose to fail closed.</summary>
    public bool Refusing
    {
        get => Volatile.Read(ref _refusing);
        set => Volatile.Write(ref _refusing, value);
    }

    /// <summary>Gets or sets the change-feed follower that brings teams up to a consistency token.</summary>
    internal ChangeFeedFollower? Follower { get; set; }

    internal RoleCatalog Roles => _roles;

    /// <summary>Compiles the team's new snapshot and swaps it in, unless a newer version is already there.</summary>
    public void Apply(TeamSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Publish(new CompiledTeam(snapshot, _roles));
    }

    /// <summary>
    /// Swaps in the team's new snapshot, patching the index of the version just before it when the engine holds that one
    /// and <paramref name="delta"/> (what the write changed) allows; otherwise compiles the snapshot whole, as
    /// <see cref="Apply(TeamSnapshot)"/> does. Either way the result is the index a full compile of the snapshot gives.
    /// </summary>
    /// <returns><see langword="true"/> when the index was patched rather than rebuilt.</returns>
    public bool Apply(TeamSnapshot snapshot, IndexDelta? delta)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        // The patch reads a published, immutable index and builds a new one beside it: a concurrent publish of another
        // version loses nothing, since Publish keeps whichever version is newer.
        var patched = delta is null ? null : _teams.Find(snapshot.Id.Value)?.Patch(snapshot, delta, _roles);
        Publish(patched ?? new CompiledTeam(snapshot, _roles));
        return patched is not null;
    }

    /// <summary>Resolves (user, team) once; further checks on the handle are a bit test.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AccessHandle Resolve(UserId userId, TeamId teamId)
    {
        var team = _teams.Find(teamId.Value);
        if (team is null || _refusing)
        {
            return default;
        }

        ref readonly var entry = ref team.Find(userId.Value);
        return Unsafe.IsNullRef(in entry) ? default : new AccessHandle(team, entry);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool HasPermission(UserId userId, TeamId teamId, Permission permission)
    {
        var team = _teams.Find(teamId.Value);
        if (team is null || _refusing)
        {
            return false;
        }

        ref readonly var entry = ref team.Find(userId.Value);
        return !Unsafe.IsNullRef(in entry) && (entry.TeamMask & permission.Mask) != 0 && permission.IsDefined;
    }

    public bool HasPermission(UserId userId, TeamId teamId, Permission permission, string resourceId)
    {
        if (resourceId is null || !permission.IsDefined)
        {
            return false;
        }

        var team = _teams.Find(teamId.Value);
        if (team is null || _refusing)
        {
            return false;
        }

        ref readonly var entry = ref team.Find(userId.Value);
        return !Unsafe.IsNullRef(in entry) && (team.ResourceMask(in entry, resourceId) & permission.Mask) != 0;
    }

    public bool HasPermission(UserId userId, TeamId teamId, string permission) =>
        _roles.PermissionCatalog.TryGet(permission, out var resolved) && HasPermission(userId, teamId, resolved);

    public bool HasPermission(UserId userId, TeamId teamId, string permission, string resourceId) =>
        _roles.PermissionCatalog.TryGet(permission, out var resolved) && HasPermission(userId, teamId, resolved, resourceId);

    public AccessDecision Explain(UserId userId, TeamId teamId, string permission, string? resourceId = null)
    {
        if (!_roles.PermissionCatalog.TryGet(permission, out var resolved))
        {
            return new AccessDecision(false, AccessReason.UnknownPermission);
        }

        if (_refusing)
        {
            return new AccessDecision(false, AccessReason.IndexStale);
        }

        var team = _teams.Find(teamId.Value);
        if (team is null || team.Status != TeamStatus.Active)
        {
            return new AccessDecision(false, AccessReason.NoSuchTeam);
        }

        ref readonly var entry = ref team.Find(userId.Value);
        if (Unsafe.IsNullRef(in entry))
        {
            return new AccessDecision(false, AccessReason.NoMembership);
        }

        var membershipId = team.MembershipIdOf(in entry);
        if (!entry.Holds)
        {
            return new AccessDecision(false, AccessReason.MembershipNotActive, membershipId, team.RoleNameOf(in entry));
        }

        var role = team.RoleOf(in entry)!;
        var roles = team.Roles;
        if (roles.PermissionCatalog.WritesForbidden(role.IsReadOnly, resolved.Mask) != 0)
        {
            return new AccessDecision(false, AccessReason.ReadOnlyRole, membershipId, role.Name);
        }

        if (resourceId is null)
        {
            if (role.IsScopedToGrants && (role.Mask & resolved.Mask) != 0 && !role.Has(resolved))
            {
                return new AccessDecision(false, AccessReason.ResourceRequired, membershipId, role.Name);
            }

            return role.Has(resolved)
                ? new AccessDecision(true, AccessReason.AllowedByRole, membershipId, role.Name)
                : new AccessDecision(false, AccessReason.NotInRole, membershipId, role.Name);
        }

        if ((AccessRules.ResourceBaseMask(role) & resolved.Mask) != 0)
        {
            return new AccessDecision(true, AccessReason.AllowedByRole, membershipId, role.Name);
        }

        // Direct grants first, then grants through groups: the most specific reason wins.
        foreach (var kind in new[] { GrantSubjectKind.Membership, GrantSubjectKind.Group })
        {
            foreach (var grant in team.Grants.Values)
            {
                if (grant.Subject.Kind == kind && grant.ResourceId == resourceId && AccessRules.Reaches(team.Groups, grant, membershipId)
                    && (AccessRules.GrantMask(role, AccessRules.MaskOf(grant, roles), roles) & resolved.Mask) != 0)
                {
                    return kind == GrantSubjectKind.Membership
                        ? new AccessDecision(true, AccessReason.AllowedByDirectGrant, membershipId, role.Name, grant.Id)
                        : new AccessDecision(true, AccessReason.AllowedByGroupGrant, membershipId, role.Name, grant.Id, new GroupId(grant.Subject.Id));
                }
            }
        }

        return new AccessDecision(false, AccessReason.NotGranted, membershipId, role.Name);
    }

    public ValueTask<bool> CatchUpAsync(ConsistencyToken token, CancellationToken cancellationToken = default)
    {
        if (VersionOf(token.TeamId) >= token.Version)
        {
            return ValueTask.FromResult(true);
        }

        return Follower is { } follower ? follower.WaitForAsync(token, cancellationToken) : ValueTask.FromResult(false);
    }

    /// <summary>The team's compiled index as this instance holds it now, or <see langword="null"/>.</summary>
    internal CompiledTeam? FindTeam(TeamId teamId) => _teams.Find(teamId.Value);

    /// <summary>The version of the team the index holds, or 0 when it holds none.</summary>
    public long VersionOf(TeamId teamId) => _teams.Find(teamId.Value)?.Version ?? 0;

    /// <summary>
    /// Judges a session from the index alone: <see cref="SessionCheck.Valid"/> when the team is Active and holds the
    /// membership for that user, Active, with the session's stamp (and then the role and the team's sign-in policy);
    /// <see cref="SessionCheck.Unknown"/> otherwise, which the caller settles by reading the store, since the index may
    /// be behind a change that made the session valid (a join on another instance).
    /// </summary>
    internal SessionCheck CheckSession(UserId userId, TeamId teamId, MembershipId membershipId, Guid stamp, out string? role, out TeamSignInPolicy? policy)
    {
        role = null;
        policy = null;
        var team = _teams.Find(teamId.Value);
        if (team is null || team.Status != TeamStatus.Active)
        {
            return SessionCheck.Unknown;
        }

        ref readonly var entry = ref team.Find(userId.Value);
        if (Unsafe.IsNullRef(in entry) || entry.MembershipStatus != MembershipStatus.Active || team.MembershipIdOf(in entry) != membershipId || team.StampOf(in entry) != stamp)
        {
            return SessionCheck.Unknown;
        }

        role = team.RoleNameOf(in entry);
        policy = team.SignInPolicy;
        return role is null ? SessionCheck.Unknown : SessionCheck.Valid;
    }

    // Two writers publishing out of order must not put an older version back.
    private void Publish(CompiledTeam compiled) =>
        _teams.Set(compiled.Id.Value, compiled, existing => existing.Version < compiled.Version);
}
