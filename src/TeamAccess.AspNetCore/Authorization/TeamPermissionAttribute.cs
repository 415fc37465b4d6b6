using Microsoft.AspNetCore.Authorization;

namespace TeamAccess.AspNetCore;

/// <summary>
/// Requires a permission in the session's team, for MVC controllers and actions and Razor Pages:
/// <c>[TeamPermission("devices.write", ResourceRouteValue = "deviceId")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class TeamPermissionAttribute : AuthorizeAttribute
{
    private string? _resourceRouteValue;

    /// <summary>Requires <paramref name="permission"/> in the session's team.</summary>
    /// <param name="permission">The permission's name.</param>
    public TeamPermissionAttribute(string permission)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(permission);
        Permission = permission;
        Policy = TeamPermissionPolicyProvider.PolicyName(permission);
    }

    /// <summary>Gets the permission's name.</summary>
    public string Permission { get; }

    /// <summary>Gets or sets the route value that holds the resource id, for a permission on one resource.</summary>
    public string? ResourceRouteValue
    {
        get => _resourceRouteValue;
        set
        {
            _resourceRouteValue = value;
            Policy = TeamPermissionPolicyProvider.PolicyName(Permission, value);
        }
    }
}
