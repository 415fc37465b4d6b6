namespace TeamAccess;

/// <summary>The default <see cref="IMemberService"/>: loads the team, asks the membership's lifecycle, saves, audits.</summary>
internal sealed class MemberService(IUserStore users, IMemberQueryStore members, ListReader reads, TeamWriter writer) : IMemberService
{
    private RoleCatalog Roles => writer.Roles;

    public async ValueTask<Result<MemberPage>> ListPageAsync(UserId actor, TeamId teamId, MemberQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await reads.ReadAsync(actor, teamId, Permissions.MembersRead, (_, ct) => members.ListMembersAsync(teamId, query, ct), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result<IReadOnlyList<MemberView>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        // A loop over the largest pages: each is authorized again, and a member present throughout is listed once.
        var rows = new List<MemberView>();
        var query = new MemberQuery { PageSize = MemberQuery.MaxPageSize };
        while (true)
        {
            var page = await ListPageAsync(actor, teamId, query, cancellationToken).ConfigureAwait(false);
            if (!page.TryGetValue(out var value))
            {
                return Result<IReadOnlyList<MemberView>>.Failed(page.Error!);
            }

            rows.AddRange(value.Members);
            if (value.Next is not { } next)
            {
                return Result<IReadOnlyList<MemberView>>.Ok(rows);
            }

            query = query with { After = next };
        }
    }

    public async ValueTask<Result<Membership>> AddAsync(UserId actor, TeamId teamId, UserId userId, string role, CancellationToken cancellationToken = default)
    {
        if (!Roles.TryGet(role, out var newRole))
        {
            return Result<Membership>.Failed(TeamAccessErrorCode.InvalidRole);
        }

        var user = await users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        return await writer.RunOnTeamAsync(actor, teamId, Permissions.MembersInvite, "AddMember", (team, who) =>
        {
            var mayGive = who.MayGive(newRole);
            if (!mayGive.Succeeded)
            {
                return Result<Membership>.Failed(mayGive.Error);
            }

            if (user is null)
            {
                return Result<Membership>.Failed(TeamAccessErrorCode.NotFound);
            }

            var existing = team.Current.FindCurrentMembership(userId) ?? team.Current.FindCurrentMembershipByEmail(user.Email);
            if (existing is not null)
            {
                return Result<Membership>.Failed(existing.Status == MembershipStatus.Invited ? TeamAccessErrorCode.AlreadyInvited : TeamAccessErrorCode.AlreadyMember);
            }

            var membership = new Membership(MembershipId.New(), teamId, userId, user.Email, newRole.Name, MembershipStatus.Active, writer.Time.GetUtcNow())
            {
                CreatedBy = actor,
            };
            team.PutMembership(membership, AuditActions.MembershipAdded);
            return Result<Membership>.Ok(team.Current.Memberships[membership.Id]);
        }, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<Result<Membership>> ChangeRoleAsync(UserId actor, TeamId teamId, MembershipId membershipId, string role, CancellationToken cancellationToken = default)
    {
        if (!Roles.TryGet(role, out var newRole))
        {
            return ValueTask.FromResult(Result<Membership>.Failed(TeamAccessErrorCode.InvalidRole));
        }

        return Manage(actor, teamId, membershipId, "ChangeRole", (team, who, target) =>
        {
            if (string.Equals(target.Role, newRole.Name, StringComparison.Ordinal))
            {
                return Result<Membership>.Ok(target);
            }

            var mayGive = who.MayGive(newRole);
            if (!mayGive.Succeeded)
            {
                return Result<Membership>.Failed(mayGive.Error);
            }

            var changed = Guardians.LifecycleOf(team.Current, target, Roles).TryChangeRole(newRole);
            return changed.Succeeded
                ? Save(team, target with { Role = newRole.Name }, AuditActions.MembershipRoleChanged)
                : Result<Membership>.Failed(changed.Error);
        }, cancellationToken);
    }

    public ValueTask<Result<Membership>> DeactivateAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        Manage(actor, teamId, membershipId, "Deactivate", (team, _, target) =>
            Fire(team, target, MembershipLifecycle.Trigger.Deactivate, AuditActions.MembershipDeactivated), cancellationToken);

    public ValueTask<Result<Membership>> ReactivateAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        Manage(actor, teamId, membershipId, "Reactivate", (team, _, target) =>
            Fire(team, target, MembershipLifecycle.Trigger.Reactivate, AuditActions.MembershipReactivated), cancellationToken);

    public ValueTask<Result<Membership>> RemoveAsync(UserId actor, TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken = default) =>
        Manage(actor, teamId, membershipId, "Remove", (team, _, target) =>
            Fire(team, target, target.Status == MembershipStatus.Invited ? MembershipLifecycle.Trigger.Revoke : MembershipLifecycle.Trigger.Remove, AuditActions.MembershipRemoved), cancellationToken);

    public ValueTask<Result<Membership>> LeaveAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default) =>
        writer.RunAsync(
            actor,
            "Leave",
            async (changes, ct) =>
            {
                var snapshot = await writer.Teams.LoadAsync(teamId, ct).ConfigureAwait(false);
                var own = snapshot?.FindCurrentMembership(actor);
                if (snapshot is null || own is null)
                {
                    return Result<Membership>.Failed(TeamAccessErrorCode.NotFound);
                }

                if (snapshot.Team.Status == TeamStatus.Deleted)
                {
                    return Result<Membership>.Failed(TeamAccessErrorCode.TeamDeleted);
                }

                return Fire(changes.Edit(snapshot), own, MembershipLifecycle.Trigger.Leave, AuditActions.MembershipLeft);
            },
            cancellationToken);

    private ValueTask<Result<Membership>> Manage(
        UserId actor,
        TeamId teamId,
        MembershipId membershipId,
        string operation,
        Func<TeamEditor, Actor, Membership, Result<Membership>> decide,
        CancellationToken cancellationToken) =>
        writer.RunOnTeamAsync(actor, teamId, Permissions.MembersManage, operation, (team, who) =>
        {
            // A membership of another team, or a terminal one, is not there to manage.
            if (!team.Current.Memberships.TryGetValue(membershipId, out var target) || target.Status.IsTerminal())
            {
                return Result<Membership>.Failed(TeamAccessErrorCode.NotFound);
            }

            var mayManage = who.MayManage(target, Roles);
            return mayManage.Succeeded ? decide(team, who, target) : Result<Membership>.Failed(mayManage.Error);
        }, cancellationToken);

    private Result<Membership> Fire(TeamEditor team, Membership target, MembershipLifecycle.Trigger trigger, string action) =>
        MembershipChanges.Fire(team, target, trigger, action, Roles);

    private static Result<Membership> Save(TeamEditor team, Membership after, string action) => MembershipChanges.Save(team, after, action);
}
