namespace TeamAccess;

/// <summary>The acting user as seen from one team: their current membership and, when Active, their role.</summary>
internal readonly record struct Actor(UserId Id, StoredMembership? Membership, Role? Role)
{
    public bool IsGuardian => Role?.IsGuardian == true;

    public int Rank => Role?.Rank ?? int.MinValue;

    /// <summary>
    /// Deny by default, and no cross-team reach (invariant 14): someone with no membership in the team is told it does
    /// not exist; a member who is not Active, or whose role lacks the permission, is refused.
    /// </summary>
    public static Result Authorize(TeamSnapshot team, UserId actorId, string permission, RoleCatalog roles, out Actor actor) =>
        Authorize(team.Team, team.FindCurrentMembership(actorId), actorId, permission, roles, out actor);

    /// <summary>
    /// The same answers as <see cref="Authorize(TeamSnapshot, UserId, string, RoleCatalog, out Actor)"/>, from the team and
    /// the actor's current membership alone; with no <paramref name="permission"/>, a current membership of an Active team is enough.
    /// </summary>
    public static Result Authorize(Team team, StoredMembership? membership, UserId actorId, string? permission, RoleCatalog roles, out Actor actor)
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

    /// <summary>Whether the actor's role holds a team-level permission (the answer <see cref="Authorize(Team, StoredMembership?, UserId, string?, RoleCatalog, out Actor)"/> gives).</summary>
    public bool Holds(string permission, RoleCatalog roles) =>
        Role is { } role && roles.PermissionCatalog.TryGet(permission, out var resolved) && role.Has(resolved);

    /// <summary>Nobody gives a role ranked above their own; only a guardian gives the guardian role (invariant 6).</summary>
    public Result MayGive(Role role)
    {
        if (role.IsGuardian && !IsGuardian)
        {
            return Result.Failed(TeamAccessErrorCode.GuardianRequired);
        }

        return role.Rank > Rank ? Result.Failed(TeamAccessErrorCode.RoleRankTooHigh) : Result.Success;
    }

    /// <summary>Nobody manages (changes, deactivates, removes) a member whose role ranks above their own.</summary>
    public Result MayManage(StoredMembership target, RoleCatalog roles) =>
        roles.TryGet(target.Role, out var targetRole) && targetRole.Rank > Rank
            ? Result.Failed(TeamAccessErrorCode.RoleRankTooHigh)
            : Result.Success;
}
