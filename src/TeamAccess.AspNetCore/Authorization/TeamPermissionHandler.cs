using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;

namespace TeamAccess.AspNetCore;

/// <summary>
/// Decides a <see cref="TeamPermissionRequirement"/> from the principal's user and team claims and the permission
/// index: no store read. A route value <c>teamId</c> that names another team than the session's fails the requirement.
/// </summary>
internal sealed class TeamPermissionHandler(IAccessChecker access) : AuthorizationHandler<TeamPermissionRequirement>
{
    /// <summary>The route value that, when present, must name the session's team.</summary>
    public const string TeamRouteValue = "teamId";

    /// <summary>
    /// Reads the session's user and team from the principal, and tells whether the request may act in that team: a
    /// route value <c>teamId</c>, when present, must name it. Reads nothing but the principal and the route.
    /// </summary>
    internal static bool InSessionTeam(AuthorizationHandlerContext context, out Guid user, out Guid team, out HttpContext? http)
    {
        http = null;
        team = default;
        if (!Guid.TryParse(context.User.FindFirst(TeamAccessClaimTypes.UserId)?.Value, out user)
            || !Guid.TryParse(context.User.FindFirst(TeamAccessClaimTypes.TeamId)?.Value, out team))
        {
            return false;
        }

        http = context.Resource switch
        {
            HttpContext h => h,
            AuthorizationFilterContext filter => filter.HttpContext,
            _ => null,
        };
        if (http?.GetRouteValue(TeamRouteValue) is not { } routeTeam || (Guid.TryParse(routeTeam.ToString(), out var named) && named == team))
        {
            return true;
        }

        // The scheme's forbidden answer says why: the route names another team than the session's.
        http.Items[TeamAccessAuthenticationHandler.ForbiddenCodeItem] = TeamAccessErrorCode.WrongTeam;
        return false;
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TeamPermissionRequirement requirement)
    {
        if (!InSessionTeam(context, out var user, out var team, out var http))
        {
            return Task.CompletedTask;
        }

        // A narrowed API key holds only its listed permissions, whatever its service account holds.
        if (context.User.FindFirst(TeamAccessClaimTypes.KeyPermission) is not null && !context.User.HasClaim(TeamAccessClaimTypes.KeyPermission, requirement.Permission))
        {
            return Task.CompletedTask;
        }

        bool allowed;
        if (requirement.ResourceRouteValue is { } name)
        {
            allowed = http?.GetRouteValue(name)?.ToString() is { Length: > 0 } resource
                && access.HasPermission(new UserId(user), new TeamId(team), requirement.Permission, resource);
        }
        else
        {
            allowed = access.HasPermission(new UserId(user), new TeamId(team), requirement.Permission);
        }

        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
