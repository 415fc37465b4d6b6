using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.TeamRoles;

/// <summary>The default <see cref="ITeamRoleService"/>: each change is one verb of the team aggregate.</summary>
internal sealed class TeamRoleService(TeamWriter writer) : ITeamRoleService
{
    public ValueTask<Result<TeamRole>> CreateAsync(UserId actor, TeamId teamId, TeamRoleRequest request, CancellationToken cancellationToken = default) =>
        Valid(request) is { } refused
            ? ValueTask.FromResult(Result<TeamRole>.Failed(refused))
            : writer.RunOnTeamAsync(actor, teamId, Permissions.RolesManage, "CreateTeamRole", team => team.CreateTeamRole(request), cancellationToken);

    public ValueTask<Result<TeamRole>> UpdateAsync(UserId actor, TeamId teamId, TeamRoleRequest request, CancellationToken cancellationToken = default) =>
        Valid(request) is { } refused
            ? ValueTask.FromResult(Result<TeamRole>.Failed(refused))
            : writer.RunOnTeamAsync(actor, teamId, Permissions.RolesManage, "UpdateTeamRole", team => team.UpdateTeamRole(request), cancellationToken);

    public async ValueTask<Result> DeleteAsync(UserId actor, TeamId teamId, string name, CancellationToken cancellationToken = default) =>
        RoleCatalog.IsValidName(name)
            ? await writer.RunOnTeamAsync(actor, teamId, Permissions.RolesManage, "DeleteTeamRole", team => team.DeleteTeamRole(name), cancellationToken).ConfigureAwait(false)
            : Result.Failed(TeamAccessErrorCode.InvalidRoleName);

    public async ValueTask<Result<IReadOnlyList<TeamRole>>> ListAsync(UserId actor, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var read = await Actor.ReadAsync(writer.Teams, writer.Roles, actor, teamId, Permissions.MembersRead, cancellationToken).ConfigureAwait(false);
        return read.TryGetValue(out var snapshot)
            ? Result<IReadOnlyList<TeamRole>>.Ok([.. snapshot.TeamRoles.Values.OrderByDescending(r => r.Rank).ThenBy(r => r.Name, StringComparer.Ordinal)])
            : Result<IReadOnlyList<TeamRole>>.Failed(read.Error!);
    }

    /// <summary>Bad input changes nothing and gets its own code, before the team is loaded.</summary>
    private static TeamAccessError? Valid(TeamRoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!RoleCatalog.IsValidName(request.Name))
        {
            return new TeamAccessError(TeamAccessErrorCode.InvalidRoleName, ErrorMessages.For(TeamAccessErrorCode.InvalidRoleName));
        }

        return request.Permissions is null || request.Permissions.Any(p => p is null)
            ? new TeamAccessError(TeamAccessErrorCode.InvalidPermission, ErrorMessages.For(TeamAccessErrorCode.InvalidPermission))
            : null;
    }
}
