using TeamAccess.Accounts;
using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Teams;

/// <summary>The default <see cref="ITeamService"/>.</summary>
internal sealed class TeamService(IUserStore users, TeamWriter writer, IdentityProviderRegistry providers, TeamProviderDirectory teamProviders, ITeamProviderBinding bindings, IListQueryStore lists) : ITeamService
{
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

                return Result<Team>.Ok(TeamAggregate.Start(changes, founder, normalized, handle).Stored);
            },
            cancellationToken);
    }

    public ValueTask<Result<Team>> RenameAsync(UserId actor, TeamId teamId, string name, CancellationToken cancellationToken = default)
    {
        if (!Names.TryNormalizeName(name, out var normalized))
        {
            return ValueTask.FromResult(Result<Team>.Failed(TeamAccessErrorCode.InvalidName));
        }

        return writer.RunOnTeamAsync(actor, teamId, Permissions.TeamManage, "RenameTeam", team => team.Rename(normalized), cancellationToken);
    }

    public ValueTask<Result<Team>> ChangeTierAsync(UserId actor, TeamId teamId, TeamTier tier, CancellationToken cancellationToken = default) =>
        Enum.IsDefined(tier)
            ? writer.RunOnTeamAsync(actor, teamId, Permissions.BillingManage, "ChangeTier", team => team.ChangeTier(tier), cancellationToken)
            : ValueTask.FromResult(Result<Team>.Failed(TeamAccessErrorCode.InvalidTier));

    public async ValueTask<Result> DeleteAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default) =>
        await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamDelete, "DeleteTeam", team => team.Delete(), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Result<Team>> SetSignInPolicyAsync(UserId actor, TeamId teamId, TeamSignInPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var refusal = Check(policy);
        if (refusal is not TeamAccessErrorCode.None)
        {
            return Result<Team>.Failed(refusal);
        }

        // A team-bound provider is a customer's SSO: a team names it only where the host bound it to that team.
        foreach (var provider in policy.AcceptedProviders.Append(policy.SsoProvider))
        {
            // A team's own provider is named only by that team: another team's is not found there.
            if (provider is not null && !(TeamProviderDirectory.IsTeamProviderName(provider)
                ? await teamProviders.BelongsAsync(provider, teamId, cancellationToken).ConfigureAwait(false)
                : await bindings.MayNameAsync(providers, provider, teamId, cancellationToken).ConfigureAwait(false)))
            {
                return Result<Team>.Failed(TeamAccessErrorCode.ProviderNotAccepted);
            }
        }

        // The host verifies the domain; the guardian naming it proves nothing.
        if (policy.VerifiedDomain is { } domain && !await teamProviders.IsDomainVerifiedAsync(teamId, domain, policy, cancellationToken).ConfigureAwait(false))
        {
            return Result<Team>.Failed(TeamAccessErrorCode.DomainNotVerified);
        }

        return await writer.RunOnTeamAsync(actor, teamId, Permissions.TeamManage, "SetSignInPolicy", team => team.SetSignInPolicy(policy), cancellationToken).ConfigureAwait(false);
    }

    private bool IsKnown(string provider) => providers.IsRegistered(provider) || TeamProviderDirectory.IsTeamProviderName(provider);

    private TeamAccessErrorCode Check(TeamSignInPolicy policy)
    {
        if ((policy.RequiresSso && policy.SsoProvider is null)
            || (policy.SsoProvider is { } sso && (sso == IdentityProviderNames.Password || !IsKnown(sso)))
            || policy.AcceptedProviders.Any(p => !IsKnown(p)))
        {
            return TeamAccessErrorCode.UnknownProvider;
        }

        if (policy.JustInTimeRole is { } role && !RoleCatalog.IsValidName(role))
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
