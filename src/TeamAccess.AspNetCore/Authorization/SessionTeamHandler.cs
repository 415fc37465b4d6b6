using Microsoft.AspNetCore.Authorization;

namespace TeamAccess.AspNetCore;

/// <summary>Decides a <see cref="SessionTeamRequirement"/> from the principal's claims and the route: no store read.</summary>
internal sealed class SessionTeamHandler : AuthorizationHandler<SessionTeamRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SessionTeamRequirement requirement)
    {
        if (TeamPermissionHandler.InSessionTeam(context, out _, out _, out _))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
