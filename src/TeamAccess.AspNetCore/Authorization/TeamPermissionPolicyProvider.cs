using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace TeamAccess.AspNetCore;

/// <summary>
/// Makes the policy of any team permission on demand from its name (<c>TeamPermission:devices.write</c>, or
/// <c>TeamPermission:devices.write:deviceId</c> with the route value that holds the resource id), so no policy is
/// registered per permission; every other name goes to the default provider.
/// </summary>
public sealed class TeamPermissionPolicyProvider : IAuthorizationPolicyProvider
{
    /// <summary>The prefix of the policy names this provider makes.</summary>
    public const string Prefix = "TeamPermission:";

    private readonly DefaultAuthorizationPolicyProvider _fallback;

    /// <summary>Creates the provider over the host's authorization options.</summary>
    /// <param name="options">The authorization options.</param>
    public TeamPermissionPolicyProvider(IOptions<AuthorizationOptions> options) => _fallback = new DefaultAuthorizationPolicyProvider(options);

    /// <summary>The policy name of a permission, optionally on the resource a route value holds.</summary>
    /// <param name="permission">The permission's name.</param>
    /// <param name="resourceRouteValue">The route value holding the resource id, or <see langword="null"/>.</param>
    /// <returns>The policy name.</returns>
    public static string PolicyName(string permission, string? resourceRouteValue = null) =>
        resourceRouteValue is null ? Prefix + permission : $"{Prefix}{permission}:{resourceRouteValue}";

    /// <inheritdoc />
    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return _fallback.GetPolicyAsync(policyName);
        }

        var rest = policyName[Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var requirement = colon < 0 ? new TeamPermissionRequirement(rest) : new TeamPermissionRequirement(rest[..colon], rest[(colon + 1)..]);
        return Task.FromResult<AuthorizationPolicy?>(For(requirement));
    }

    /// <inheritdoc />
    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _fallback.GetDefaultPolicyAsync();

    /// <inheritdoc />
    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => _fallback.GetFallbackPolicyAsync();

    internal static AuthorizationPolicy For(IAuthorizationRequirement requirement) =>
        new AuthorizationPolicyBuilder(TeamAccessAuthenticationDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(requirement)
            .Build();
}
