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

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TeamPermissionRequirement requirement)
    {
        if (!Guid.TryParse(context.User.FindFirst(TeamAccessClaimTypes.UserId)?.Value, out var user)
            || !Guid.TryParse(context.User.FindFirst(TeamAccessClaimTypes.TeamId)?.Value, out var team))
        {
            return Task.CompletedTask;
        }

        var http = context.Resource switch
        {
            HttpContext h => h,
            AuthorizationFilterContext filter => filter.HttpContext,
            _ => null,
        };
        if (http?.GetRouteValue(TeamRouteValue) is { } routeTeam && (!Guid.TryParse(routeTeam.ToString(), out var named) || named != team))
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
