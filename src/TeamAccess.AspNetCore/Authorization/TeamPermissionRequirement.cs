using Microsoft.AspNetCore.Authorization;

namespace TeamAccess.AspNetCore;

/// <summary>
/// Requires a permission in the session's team, or on one resource of it whose id is a route value. The team is always
/// the validated session's, never a value the client sends; a route whose <c>teamId</c> names another team is refused.
/// </summary>
public sealed class TeamPermissionRequirement : IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="permission">The permission's name, e.g. <c>devices.write</c>.</param>
    /// <param name="resourceRouteValue">The route value holding the resource id, or <see langword="null"/> for a team-level permission.</param>
    public TeamPermissionRequirement(string permission, string? resourceRouteValue = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(permission);
        Permission = permission;
        ResourceRouteValue = string.IsNullOrWhiteSpace(resourceRouteValue) ? null : resourceRouteValue;
    }

    /// <summary>Gets the permission's name.</summary>
    public string Permission { get; }

    /// <summary>Gets the route value holding the resource id, or <see langword="null"/>.</summary>
    public string? ResourceRouteValue { get; }

    /// <inheritdoc />
    public override string ToString() => TeamPermissionPolicyProvider.PolicyName(Permission, ResourceRouteValue);
}
