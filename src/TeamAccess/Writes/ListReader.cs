using TeamAccess.Domain;

namespace TeamAccess.Writes;

/// <summary>
/// Serves one page of a team's list to an actor: authorizes from the team row and the actor's membership alone (never
/// the whole team), with the answers a write's authorization gives, then reads the page.
/// </summary>
internal sealed class ListReader(IMemberQueryStore members, IListQueryStore lists, ITeamStore teams, RoleCatalog roles)
{
    public async ValueTask<Result<TPage>> ReadAsync<TPage>(
        UserId actor,
        TeamId teamId,
        string permission,
        Func<IListQueryStore, CancellationToken, ValueTask<TPage>> read,
        CancellationToken cancellationToken)
    {
        var found = await members.FindTeamAndCurrentMembershipAsync(teamId, actor, cancellationToken).ConfigureAwait(false);
        if (found is not var (team, membership))
        {
            return Result<TPage>.Failed(TeamAccessErrorCode.NotFound);
        }

        var teamRoles = await Actor.RolesForAsync(teams, roles, teamId, membership, cancellationToken).ConfigureAwait(false);
        var authorized = Actor.Authorize(team, membership, actor, permission, teamRoles, out _);
        return authorized.Succeeded
            ? Result<TPage>.Ok(await read(lists, cancellationToken).ConfigureAwait(false))
            : Result<TPage>.Failed(authorized.Error);
    }
}
