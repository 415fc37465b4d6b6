namespace TeamAccess.Domain;

/// <summary>The acting user as seen from one team: their current membership and, when Active, their role.</summary>
internal readonly record struct Actor(UserId Id, StoredMembership? Membership, Role? Role)
{
    /// <summary>
    /// Gets the host: code without a team session (a migration, a provisioning job), which vouches for what it writes. It
    /// gives any role, the guardian role included, and manages every member; the team's own rules (the last guardian,
    /// one current membership per user and address) still hold. It has no user id: what it writes names no creator.
    /// </summary>
    public static Actor Host { get; } = new(default, null, null) { IsHost = true };

    /// <summary>Gets whether this is <see cref="Host"/>.</summary>
    public bool IsHost { get; private init; }

    /// <summary>Gets the user a membership or grant records as its creator: none for the host.</summary>
    public UserId? CreatedBy => IsHost ? null : Id;

    public bool IsGuardian => IsHost || Role?.IsGuardian == true;

    public int Rank => IsHost ? int.MaxValue : Role?.Rank ?? int.MinValue;

    /// <summary>
    /// Deny by default, and no cross-team reach (invariant 14): someone with no membership in the team is told it does
    /// not exist; a member who is not Active, or whose role lacks the permission, is refused.
    /// </summary>
    public static Result Authorize(TeamSnapshot team, UserId actorId, string permission, RoleCatalog roles, out Actor actor) =>
        Authorize(team.Team, team.FindCurrentMembership(actorId), actorId, permission, roles.ForTeam(team), out actor);

    /// <summary>
    /// The same answers as <see cref="Authorize(TeamSnapshot, UserId, string, RoleCatalog, out Actor)"/>, from the team and
    /// the actor's current membership alone; with no <paramref name="permission"/>, a current membership of an Active team is enough.
    /// </summary>
    public static Result Authorize(Team team, StoredMembership? membership, UserId actorId, string? permission, TeamRoleSet roles, out Actor actor)
    {
        var role = membership is null ? null : AccessRules.ActiveRole(team, membership, roles);
        actor = new Actor(actorId, membership, role);
        if (membership is null)
        {
            return Result.Failed(TeamAccessErrorCode.NotFound);
        }

        if (team.Status == TeamStatus.Deleted)
        {
            return Result.Failed(TeamAccessErrorCode.TeamDeleted);
        }

        if (permission is not null && (role is null || !roles.PermissionCatalog.TryGet(permission, out var resolved) || !role.Has(resolved)))
        {
            return Result.Failed(TeamAccessErrorCode.PermissionDenied);
        }

        return Result.Success;
    }

    /// <summary>
    /// The roles to authorize with from the team row and the actor's membership alone: the catalog's, unless the
    /// membership names one of the team's own roles, whose definition only the team's snapshot holds (loaded then; a
    /// store keeps the teams it loaded).
    /// </summary>
    public static async ValueTask<TeamRoleSet> RolesForAsync(ITeamStore teams, RoleCatalog roles, TeamId teamId, StoredMembership? membership, CancellationToken cancellationToken)
    {
        if (membership is null || roles.TryGet(membership.Role, out _))
        {
            return roles.CatalogOnly();
        }

        var snapshot = await teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        return snapshot is null ? roles.CatalogOnly() : roles.ForTeam(snapshot);
    }

    /// <summary>Loads a team for a read that needs <paramref name="permission"/>, with the same answers as a write's <see cref="Authorize(TeamSnapshot, UserId, string, RoleCatalog, out Actor)"/>.</summary>
    public static async ValueTask<Result<TeamSnapshot>> ReadAsync(ITeamStore teams, RoleCatalog roles, UserId actorId, TeamId teamId, string permission, CancellationToken cancellationToken)
    {
        var snapshot = await teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Result<TeamSnapshot>.Failed(TeamAccessErrorCode.NotFound);
        }

        var authorized = Authorize(snapshot, actorId, permission, roles, out _);
        return authorized.Succeeded ? Result<TeamSnapshot>.Ok(snapshot) : Result<TeamSnapshot>.Failed(authorized.Error);
    }

    /// <summary>Whether the actor's role holds a team-level permission (the answer <see cref="Authorize(Team, StoredMembership?, UserId, string?, TeamRoleSet, out Actor)"/> gives).</summary>
    public bool Holds(string permission, TeamRoleSet roles) =>
        IsHost || Role is { } role && roles.PermissionCatalog.TryGet(permission, out var resolved) && role.Has(resolved);

    /// <summary>
    /// Nobody gives a role ranked above their own, nor another role of their own rank; only a guardian gives the guardian
    /// role (invariant 6). Nobody but a guardian gives a role that holds more than they hold (invariant 15): its team-level
    /// permissions, and what it holds on every resource, are within the actor's own.
    /// </summary>
    public Result MayGive(Role role)
    {
        if (IsHost)
        {
            return Result.Success;
        }

        if (role.IsGuardian && !IsGuardian)
        {
            return Result.Failed(TeamAccessErrorCode.GuardianRequired);
        }

        if (role.Rank > Rank || (role.Rank == Rank && !IsGuardian && !string.Equals(role.Name, Role?.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return Result.Failed(TeamAccessErrorCode.RoleRankTooHigh);
        }

        return IsGuardian || Holds(role) ? Result.Success : Result.Failed(TeamAccessErrorCode.ExceedsGranterPermissions);
    }

    /// <summary>
    /// Nobody defines, changes or deletes a team role ranked at or above their own (the guardian ranks above every one),
    /// nor one that holds more than they hold (invariant 15), the guardian included.
    /// </summary>
    public Result MayDefine(Role role)
    {
        if (role.Rank >= Rank)
        {
            return Result.Failed(TeamAccessErrorCode.RoleRankTooHigh);
        }

        // A definition also lists nothing its definer lacks: a role scoped to grants reaches its listed resource
        // permissions through the grants its holders are given, so what it lists is what it can come to hold.
        return Holds(role) && Role is { } own && (role.Mask & ~own.Mask) == 0
            ? Result.Success
            : Result.Failed(TeamAccessErrorCode.ExceedsGranterPermissions);
    }

    /// <summary>Whether the actor's role holds all that <paramref name="role"/> holds, at team level and on every resource.</summary>
    private bool Holds(Role role) =>
        Role is { } own
        && (role.TeamMask & ~own.TeamMask) == 0
        && (AccessRules.ResourceBaseMask(role) & ~AccessRules.ResourceBaseMask(own)) == 0;

    /// <summary>Nobody manages (changes, deactivates, removes) a member whose role ranks above their own.</summary>
    public Result MayManage(StoredMembership target, TeamRoleSet roles) =>
        roles.TryGet(target.Role, out var targetRole) && targetRole.Rank > Rank
            ? Result.Failed(TeamAccessErrorCode.RoleRankTooHigh)
            : Result.Success;
}
