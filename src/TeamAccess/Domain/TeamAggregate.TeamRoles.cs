namespace TeamAccess.Domain;

/// <content>
/// The team-role verbs: define, change and delete the team's own roles, and find a role by name for the verbs that give
/// one. Every rule of team roles is here: the name is no catalog role's and no other team role's, the host's bounds, and
/// nobody defines, changes or deletes a role ranked at or above their own or holding more than they hold.
/// </content>
internal sealed partial class TeamAggregate
{
    /// <summary>How many holders a <see cref="TeamAccessErrorCode.RoleInUse"/> refusal names in its details.</summary>
    internal const int HoldersNamed = 5;

    /// <summary>The role of that name the team sees (a catalog role or its own), or <see cref="TeamAccessErrorCode.InvalidRole"/>.</summary>
    public Result<Role> FindRole(string? name) =>
        Roles.TryGet(name, out var role) ? Result<Role>.Ok(role) : Result<Role>.Failed(TeamAccessErrorCode.InvalidRole);

    public Result<TeamRole> CreateTeamRole(TeamRoleRequest request)
    {
        if (Roles.Catalog.TryGet(request.Name, out _))
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.CatalogRole);
        }

        if (Current.TeamRoles.ContainsKey(request.Name))
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.RoleNameTaken);
        }

        // "Оwner" with a Cyrillic О renders as the catalog's Owner: a name may not mix scripts nor look like another role.
        if (Confusables.MixesScripts(request.Name))
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.InvalidRoleName);
        }

        if (Confusables.LooksLikeAnother(request.Name, Roles.Catalog.Roles.Select(r => r.Name).Concat(Current.TeamRoles.Keys)))
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.RoleNameTaken);
        }

        if (Current.TeamRoles.Count >= Roles.Catalog.MaxTeamRoles)
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.TeamRoleLimitReached);
        }

        return DefineTeamRole(request, null, request.Name, TeamRoleId.New(), AuditActions.TeamRoleCreated);
    }

    /// <summary>Changes the team role of <see cref="TeamRoleRequest.Name"/>: its holders hold the new definition at once.</summary>
    public Result<TeamRole> UpdateTeamRole(TeamRoleRequest request)
    {
        var existing = ExistingTeamRole(request.Name);
        if (!existing.TryGetValue(out var before))
        {
            return Result<TeamRole>.Failed(existing.Error!);
        }

        // A read-only role made writable unlocks the write permissions that grants (given by anyone, a higher rank too)
        // already hold for its holders: the edit is judged by what it makes reachable, so the actor must hold those too.
        if (before.IsReadOnly && !request.IsReadOnly)
        {
            foreach (var grant in GrantsReaching(before.Name))
            {
                var unlocked = Roles.PermissionCatalog.WritesForbidden(true, AccessRules.MaskOf(grant, Roles));
                if (unlocked != 0 && !ActorHoldsOn(grant.ResourceId, unlocked))
                {
                    return Result<TeamRole>.Failed(TeamAccessErrorCode.ExceedsGranterPermissions);
                }
            }
        }

        return DefineTeamRole(request, before, before.Name, before.Id, AuditActions.TeamRoleChanged);
    }

    /// <summary>The grants held by the non-terminal holders of a role, directly or through one of their groups.</summary>
    private IEnumerable<Grant> GrantsReaching(string roleName)
    {
        var holders = Current.Memberships.Values
            .Where(m => !m.Status.IsTerminal() && string.Equals(m.Role, roleName, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Id)
            .ToHashSet();
        return Current.Grants.Values.Where(g => g.Subject.Kind == GrantSubjectKind.Membership
            ? holders.Contains(new MembershipId(g.Subject.Id))
            : Current.Groups.TryGetValue(new GroupId(g.Subject.Id), out var group) && group.Members.Overlaps(holders));
    }

    /// <summary>Deletes a team role nobody holds, is invited to or joins in; the refusal names the holders.</summary>
    public Result<TeamRole> DeleteTeamRole(string name)
    {
        var existing = ExistingTeamRole(name);
        if (!existing.TryGetValue(out var role))
        {
            return existing;
        }

        var holders = Current.Memberships.Values
            .Where(m => !m.Status.IsTerminal() && string.Equals(m.Role, role.Name, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Id)
            .ToList();
        var joinsIn = string.Equals(Current.Team.SignInPolicy.JustInTimeRole, role.Name, StringComparison.OrdinalIgnoreCase);
        if (holders.Count > 0 || joinsIn)
        {
            var message = joinsIn && holders.Count == 0
                ? "The role is the team's just-in-time role; set another in the sign-in policy first."
                : $"The role is in use by {holders.Count} membership(s){(joinsIn ? " and is the team's just-in-time role" : "")}; give them another role first.";
            return Result<TeamRole>.Failed(new TeamAccessError(TeamAccessErrorCode.RoleInUse, message)
            {
                Details = [.. holders.OrderBy(id => id.Value).Take(HoldersNamed).Select(id => id.ToString())],
            });
        }

        RemoveTeamRole(role.Name, AuditActions.TeamRoleDeleted);
        return Result<TeamRole>.Ok(role);
    }

    /// <summary>
    /// The team role of that name, if the actor may change it: not a catalog role, and not one ranked at or above the
    /// actor's own or holding more than they hold.
    /// </summary>
    private Result<TeamRole> ExistingTeamRole(string name)
    {
        if (Roles.Catalog.TryGet(name, out _))
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.CatalogRole);
        }

        if (!Current.TeamRoles.TryGetValue(name, out var role) || !Roles.TryGet(role.Name, out var compiled))
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.NotFound);
        }

        var mayDefine = Actor.MayDefine(compiled);
        return mayDefine.Succeeded ? Result<TeamRole>.Ok(role) : Result<TeamRole>.Failed(mayDefine.Error);
    }

    /// <summary>
    /// Stores the role as requested, if the request is within the host's bounds and the actor's reach: every permission
    /// registered and allowed, none a write in a read-only role, and the compiled role within what the actor holds and
    /// below their rank.
    /// </summary>
    private Result<TeamRole> DefineTeamRole(TeamRoleRequest request, TeamRole? before, string name, TeamRoleId id, string action)
    {
        var catalog = Roles.Catalog;
        if (!catalog.PermissionCatalog.TryGetMask(request.Permissions, out var mask, out _))
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.InvalidPermission);
        }

        if ((mask & ~catalog.TeamRoleMask) != 0)
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.PermissionNotAllowed);
        }

        if (catalog.PermissionCatalog.WritesForbidden(request.IsReadOnly, mask) != 0)
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.ReadOnlyRole);
        }

        var after = new TeamRole
        {
            Id = id,
            TeamId = Id,
            Name = name,
            Rank = request.Rank,
            Permissions = [.. catalog.PermissionCatalog.NamesOf(mask)],
            IsReadOnly = request.IsReadOnly,
            IsScopedToGrants = request.IsScopedToGrants,
        };
        var compiled = new TeamRoleSet(catalog, [after]).TeamRoles[0];
        var mayDefine = Actor.MayDefine(compiled);
        if (!mayDefine.Succeeded)
        {
            return Result<TeamRole>.Failed(mayDefine.Error);
        }

        // A role a service account already holds, edited to hold directory.provision, delegates the directory as giving
        // the account that role would: the same rule refuses it to anyone but a guardian.
        if (before is not null && !before.Permissions.Contains(Permissions.DirectoryProvision, StringComparer.Ordinal) && DelegatesDirectory(compiled)
            && Current.Memberships.Values.Any(m => m.IsServiceAccount && !m.Status.IsTerminal() && string.Equals(m.Role, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Result<TeamRole>.Failed(TeamAccessErrorCode.DirectoryProvisionNeedsGuardian);
        }

        if (before is not null && before.Equals(after))
        {
            return Result<TeamRole>.Ok(before);
        }

        PutTeamRole(after, action);
        return Result<TeamRole>.Ok(after);
    }
}
