using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TeamAccess.AspNetCore;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>What every page knows: who is signed in, in which team, and what they may do there (from the index, no query).</summary>
public abstract class PortalPage : PageModel
{
    /// <summary>Gets or sets the message shown above the page (an outcome, or a refusal in words).</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Gets the signed-in user, in the session's team.</summary>
    public UserId Actor => new(Guid.Parse(User.FindFirstValue(TeamAccessClaimTypes.UserId)!));

    /// <summary>Gets the session's team: the only team a page acts in.</summary>
    public TeamId Team => new(Guid.Parse(User.FindFirstValue(TeamAccessClaimTypes.TeamId)!));

    /// <summary>Whether the signed-in user holds <paramref name="permission"/> in the session's team.</summary>
    /// <param name="permission">The permission.</param>
    /// <returns><see langword="true"/> when held.</returns>
    public bool Can(string permission) =>
        User.Identity?.IsAuthenticated == true && HttpContext.RequestServices.GetRequiredService<IAccessChecker>().HasPermission(Actor, Team, permission);

    /// <summary>Whether the signed-in user holds <paramref name="permission"/> on one resource of the session's team.</summary>
    /// <param name="permission">The permission.</param>
    /// <param name="resourceId">The resource.</param>
    /// <returns><see langword="true"/> when held.</returns>
    public bool Can(string permission, string resourceId) =>
        User.Identity?.IsAuthenticated == true && HttpContext.RequestServices.GetRequiredService<IAccessChecker>().HasPermission(Actor, Team, permission, resourceId);

    /// <summary>A refusal in words a person reads.</summary>
    /// <param name="error">The refusal.</param>
    /// <returns>The words.</returns>
    public static string Words(TeamAccessError? error) => error switch
    {
        null => "",
        { Code: TeamAccessErrorCode.LastGuardian } => "This is the team's last Owner: make someone else Owner first.",
        { Details: { Count: > 0 } details } => $"{error.Message} ({string.Join("; ", details)})",
        _ => error.Message,
    };
}
