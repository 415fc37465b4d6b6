using Microsoft.AspNetCore.Authorization;

namespace TeamAccess.AspNetCore;

/// <summary>
/// Requires only a session whose team the route's <c>teamId</c> names, for the endpoints whose service decides who may
/// call from the team's state rather than from one permission: the member an ownership offer was made to, a user asking
/// about their own access. A route naming another team is refused before any store read, as a permission route is.
/// </summary>
internal sealed class SessionTeamRequirement : IAuthorizationRequirement
{
    private SessionTeamRequirement()
    {
    }

    public static SessionTeamRequirement Instance { get; } = new();

    /// <summary>Gets the policy of an endpoint that requires only the session's team.</summary>
    public static AuthorizationPolicy Policy { get; } = TeamPermissionPolicyProvider.For(Instance);
}
