using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamAccess;
using TeamAccess.AspNetCore;
using TeamAccess.TeamRoles;

namespace Microsoft.AspNetCore.Routing;

/// <content>The team's own roles (<see cref="ITeamRoleService"/>).</content>
public static partial class TeamAccessEndpointRouteBuilderExtensions
{
    private static void MapTeamRoles(RouteGroupBuilder team)
    {
        team.MapGet("/roles", async (ClaimsPrincipal principal, ITeamRoleService roles, CancellationToken ct) =>
            (await roles.ListAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(rows => rows.Select(TeamRoleResponse.From).ToArray()))
            .RequireTeamPermission(Permissions.MembersRead)
            .Describe<TeamRoleResponse[]>("TeamRoles", "The team's own roles, highest rank first (the host's catalog roles are not listed).");

        team.MapPost("/roles", (TeamRoleBody body, ClaimsPrincipal principal, ITeamRoleService roles, CancellationToken ct) =>
                OnTeamRole(body.Name, body, request => roles.CreateAsync(principal.UserId(), principal.TeamId(), request, ct)))
            .RequireTeamPermission(Permissions.RolesManage)
            .Describe<TeamRoleResponse>("CreateTeamRole", "Defines a role for the team: a name no catalog role has, a rank below the actor's, permissions the actor holds.");

        team.MapPut("/roles/{name}", (string name, TeamRoleBody body, ClaimsPrincipal principal, ITeamRoleService roles, CancellationToken ct) =>
                body.Name is not null && !string.Equals(body.Name, name, StringComparison.OrdinalIgnoreCase)
                    ? Task.FromResult(Result.Failed(TeamAccessErrorCode.InvalidRoleName, "The body names another role than the route: a team role keeps its name (define a new role instead).").ToHttpResult())
                    : OnTeamRole(name, body, request => roles.UpdateAsync(principal.UserId(), principal.TeamId(), request, ct)))
            .RequireTeamPermission(Permissions.RolesManage)
            .Describe<TeamRoleResponse>("UpdateTeamRole", "Replaces a team role's rank, permissions and flags (not its name); its holders hold the new definition at once.");

        team.MapDelete("/roles/{name}", async (string name, ClaimsPrincipal principal, ITeamRoleService roles, CancellationToken ct) =>
            (await roles.DeleteAsync(principal.UserId(), principal.TeamId(), name, ct).ConfigureAwait(false)).ToHttpResult())
            .RequireTeamPermission(Permissions.RolesManage)
            .Describe("DeleteTeamRole", "Deletes a team role nobody holds, is invited to or joins in just in time (RoleInUse names up to five holders).");
    }

    /// <summary>A create or a change: rank and permissions are required (a change replaces the whole definition); absent flags are false.</summary>
    private static async Task<IResult> OnTeamRole(string? name, TeamRoleBody body, Func<TeamRoleRequest, ValueTask<Result<TeamRole>>> write)
    {
        if (body.Rank is not { } rank)
        {
            return Missing("rank");
        }

        if (body.Permissions is not { } permissions)
        {
            return Missing("permissions");
        }

        var request = new TeamRoleRequest
        {
            Name = name ?? "",
            Rank = rank,
            Permissions = permissions,
            IsReadOnly = body.IsReadOnly ?? false,
            IsScopedToGrants = body.IsScopedToGrants ?? false,
        };
        return (await write(request).ConfigureAwait(false)).ToHttpResult(TeamRoleResponse.From);
    }
}
