using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the TeamAccess pages.</summary>
public static class TeamAccessPagesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Razor Pages of the app, the TeamAccess pages among them (under the prefix <c>AddDefaultUI</c> set) and any
    /// host page that replaces one of them. It maps the host's own Razor Pages too: a host calls this instead of
    /// <c>MapRazorPages()</c>, or both (they map the same pages once).
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <returns>The pages' endpoint conventions.</returns>
    public static PageActionEndpointConventionBuilder MapTeamAccessPages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapRazorPages();
    }
}
