using TeamAccess.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Team permission requirements on minimal-API endpoints and groups.</summary>
public static class TeamPermissionEndpointExtensions
{
    /// <summary>
    /// Requires <paramref name="permission"/> in the session's team (on the resource that the route value
    /// <paramref name="resourceRouteValue"/> names, when given): <c>app.MapGet(...).RequireTeamPermission("devices.read")</c>.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="permission">The permission's name.</param>
    /// <param name="resourceRouteValue">The route value holding the resource id, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireTeamPermission<TBuilder>(this TBuilder builder, string permission, string? resourceRouteValue = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(TeamPermissionPolicyProvider.For(new TeamPermissionRequirement(permission, resourceRouteValue)));
}
