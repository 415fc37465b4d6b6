namespace TeamAccess;

/// <summary>The default <see cref="ITeamService"/>.</summary>
internal sealed class TeamService(IUserStore users, TeamWriter writer, IdentityProviderRegistry providers, IDomainVerifier domains, IListQueryStore lists) : ITeamService
{
    /// <summary>Creates a team with <paramref name="founder"/> as its Active guardian (sign-up and team creation share it).</summary>
    internal static (Team Team, Membership Membership) StartTeam(ChangeSetBuilder changes, User founder, string name, string handle, RoleCatalog roles)
    {
        var team = new Team(TeamId.New(), name, handle, TeamTier.Free, TeamStatus.Active, changes.Now);
        var editor = changes.Create(team);
        var membership = new Membership(MembershipId.New(), team.Id, founder.Id, founder.Email, roles.Guardian.Name, MembershipStatus.Active, changes.Now)
        {
            CreatedBy = founder.Id,
        };
        editor.PutMembership(membership, AuditActions.MembershipAdded);
        return (team with { Version = 1 }, editor.Current.Memberships[membership.Id]);
    }

    public ValueTask<Result<Team>> CreateAsync(UserId actor, string name, string handle, CancellationToken cancellationToken = default)
    {
        if (!Names.TryNormalizeName(name, out var normalized))
        {
            return ValueTask.FromResult(Result<Team>.Failed(TeamAccessErrorCode.InvalidName));
        }

        if (!Handle.IsValid(handle))
        {
            return ValueTask.FromResult(Result<Team>.Failed(TeamAccessErrorCode.InvalidHandle));
        }

        return writer.RunAsync(
            actor,
            "CreateTeam",
            async (changes, ct) =>
            {
                var founder = await users.FindByIdAsync(actor, ct).ConfigureAwait(false);
                if (founder is null)
                {
                    return Result<Team>.Failed(TeamAccessErrorCode.NotFound);
                }

                return Result<Team>.Ok(StartTeam(changes, founder, normalized, handle, writer.Roles).Team);
            },
            cancellationToken);
    }

    public ValueTask<Result<Team>> RenameAsync(UserId actor, TeamId teamId, string name, CancellationToken cancellationToken = default)
    {
        if (!Names.TryNormalizeName(name, out var normalized))
        {
            return ValueTask.FromResult(Result<Team>.Failed(TeamAccessErrorCode.InvalidName));
        }

        return writer.RunOnTeamAsync(actor, teamId, Permissions.TeamManage, "RenameTeam", (team, _) =>
        {
            var current = team.Current.Team;
            if (current.Name != normalized)
            {
                team.SetTeam(current with { Name = normalized }, AuditActions.TeamRenamed);
            }

            return Result<Team>.Ok(team.Current.Team);
        }, cancellationToken);
    }

    public ValueTask<Result<Team>> ChangeTierAsync(UserId actor, TeamId teamId, TeamTier tier, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(tier))
        {
            return ValueTask.FromResult(Result<Team>.Failed(TeamAccessErrorCode.InvalidTier));
        }

        return writer.RunOnTeamAsync(actor, teamId, Permissions.BillingManage, "ChangeTier", (team, who) =>
        {
            var current = team.Current.Team;
            var lifecycle = new TeamLifecycle(current, who.IsGuardian);
            var fired = lifecycle.TryFire(tier == TeamTier.Commercial ? TeamLifecycle.Trigger.Upgrade : TeamLifecycle.Trigger.Downgrade);
            if (!fired.Succeeded)
            {
                return Result<Team>.Failed(fired.Error);
            }

            team.SetTeam(current with { Tier = lifecycle.Tier }, AuditActions.TeamTierChanged);
            return Result<Team>.Ok(team.Current.Team);
        }, cancellationToken);
    }

    public async ValueTask<Result> DeleteAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamDelete, "DeleteTeam", (team, who) =>
        {
            var current = team.Current.Team;
            var lifecycle = new TeamLifecycle(current, who.IsGuardian);
            var fired = lifecycle.TryFire(TeamLifecycle.Trigger.Delete);
            if (!fired.Succeeded)
            {
                return Result<Team>.Failed(fired.Error);
            }

            team.SetTeam(current with { Status = lifecycle.Status }, AuditActions.TeamDeleted);
            return Result<Team>.Ok(team.Current.Team);
        }, cancellationToken).ConfigureAwait(false);

    public async ValueTask<Result<Team>> SetSignInPolicyAsync(UserId actor, TeamId teamId, TeamSignInPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var refusal = Check(policy);
        if (refusal is not TeamAccessErrorCode.None)
        {
            return Result<Team>.Failed(refusal);
        }

        // The host verifies the domain; the guardian naming it proves nothing.
        if (policy.VerifiedDomain is { } domain && !await domains.IsVerifiedAsync(teamId, domain, policy, cancellationToken).ConfigureAwait(false))
        {
            return Result<Team>.Failed(TeamAccessErrorCode.DomainNotVerified);
        }

        return await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamManage, "SetSignInPolicy", (team, who) =>
        {
            if (!who.IsGuardian)
            {
                return Result<Team>.Failed(TeamAccessErrorCode.GuardianRequired);
            }

            var current = team.Current.Team;
            if (!current.SignInPolicy.Equals(policy))
            {
                team.SetTeam(current with { SignInPolicy = policy }, AuditActions.TeamSignInPolicyChanged);
            }

            return Result<Team>.Ok(team.Current.Team);
        }, cancellationToken).ConfigureAwait(false);
    }

    private TeamAccessErrorCode Check(TeamSignInPolicy policy)
    {
        if ((policy.RequiresSso && policy.SsoProvider is null)
            || (policy.SsoProvider is { } sso && (sso == IdentityProviderNames.Password || !providers.IsRegistered(sso)))
            || policy.AcceptedProviders.Any(p => !providers.IsRegistered(p)))
        {
            return TeamAccessErrorCode.UnknownProvider;
        }

        if (policy.JustInTimeRole is { } role && (!writer.Roles.TryGet(role, out var jit) || jit.IsGuardian))
        {
            return TeamAccessErrorCode.InvalidRole;
        }

        // A domain is lower-case labels of letters, digits and hyphens, as a handle, joined by dots.
        return policy.VerifiedDomain is { } domain && !Domains.IsValid(domain) ? TeamAccessErrorCode.InvalidHandle : TeamAccessErrorCode.None;
    }

    public async ValueTask<Team?> FindByHandleAsync(string handle, CancellationToken cancellationToken = default)
    {
        if (!Handle.IsValid(handle))
        {
            return null;
        }

        var id = await writer.Teams.FindIdByHandleAsync(handle, cancellationToken).ConfigureAwait(false);
        var snapshot = id is null ? null : await writer.Teams.LoadAsync(id.Value, cancellationToken).ConfigureAwait(false);
        return snapshot?.Team.Status == TeamStatus.Active ? snapshot.Team : null;
    }

    public async ValueTask<Result<Team>> GetAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var snapshot = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        return snapshot?.FindCurrentMembership(actor) is { Status: MembershipStatus.Active or MembershipStatus.Inactive }
            ? Result<Team>.Ok(snapshot.Team)
            : Result<Team>.Failed(TeamAccessErrorCode.NotFound);
    }

    public ValueTask<Page<TeamMembershipView, TeamPageKey>> ListPageForUserAsync(UserId userId, UserTeamQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return lists.ListTeamsForUserAsync(userId, query, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<TeamMembershipView>> ListForUserAsync(UserId userId, CancellationToken cancellationToken = default)
    {
        var views = new List<TeamMembershipView>();
        foreach (var teamId in await writer.Teams.ListTeamIdsForUserToEndAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            var snapshot = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
            if (snapshot is { Team.Status: TeamStatus.Active } && snapshot.FindCurrentMembership(userId) is { Status: MembershipStatus.Active or MembershipStatus.Inactive } membership)
            {
                views.Add(new TeamMembershipView(snapshot.Team, membership.Id, membership.Role, membership.Status));
            }
        }

        views.Sort((a, b) => string.Compare(a.Team.Name, b.Team.Name, StringComparison.CurrentCultureIgnoreCase));
        return views;
    }
}
