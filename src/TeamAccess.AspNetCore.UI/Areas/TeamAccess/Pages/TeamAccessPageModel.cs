using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI;

/// <summary>
/// What every TeamAccess page knows: who is signed in, in which team, and what they may do there (from the index, no query);
/// and its two kinds of message. A host's own pages (and pages that replace the package's) may derive from it to share the
/// layout's messages.
/// </summary>
public abstract class TeamAccessPageModel : PageModel
{
    /// <summary>
    /// Gets or sets an outcome to show on the next page, after a redirect (kept in TempData for exactly that one request).
    /// Never set it and then render the same page: it would show again on the page after (set <see cref="Error"/> then).
    /// </summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Gets or sets a refusal to show on the next page, after a redirect (kept in TempData for that one request).</summary>
    [TempData]
    public string? Refusal { get; set; }

    /// <summary>Gets or sets a refusal shown on this page only (not kept for the next request).</summary>
    public string? Error { get; set; }

    /// <summary>Gets the signed-in user, in the session's team.</summary>
    public UserId Actor => new(Guid.Parse(User.FindFirstValue(TeamAccessClaimTypes.UserId)!));

    /// <summary>Gets the session's team: the only team a page acts in.</summary>
    public TeamId Team => new(Guid.Parse(User.FindFirstValue(TeamAccessClaimTypes.TeamId)!));

    /// <summary>Gets the words of the pages (the message catalog).</summary>
    internal TeamAccessMessages Messages => HttpContext.RequestServices.GetRequiredService<TeamAccessMessages>();

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

    /// <summary>A refusal in words a person reads, from the pages' message catalog.</summary>
    /// <param name="error">The refusal.</param>
    /// <returns>The words.</returns>
    protected string Words(TeamAccessError? error) => Messages.Error(error);

    /// <summary>Gets the errors of single fields, by posted name, all shown at once beside their fields.</summary>
    internal Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>A field as the <c>_Field</c> partial draws it, with its error.</summary>
    internal FieldView Field(string name, string label, string? value, string type = "text", string autocomplete = "off", string? hint = null) =>
        new(name, label, value, type, autocomplete, FieldErrors.GetValueOrDefault(name), hint);

    /// <summary>Shows this page again with <paramref name="error"/> (not kept for the next request).</summary>
    /// <param name="error">The refusal.</param>
    /// <returns>This page.</returns>
    protected PageResult Refuse(TeamAccessError? error)
    {
        Error = Words(error);
        return Page();
    }

    /// <summary>Goes to <paramref name="pageName"/> with <paramref name="success"/> shown there, or the refusal when <paramref name="error"/> is set.</summary>
    /// <param name="error">The refusal, or <see langword="null"/> when the action succeeded.</param>
    /// <param name="success">The outcome on success.</param>
    /// <param name="pageName">The page; <see langword="null"/> for this one.</param>
    /// <returns>The redirect.</returns>
    protected RedirectToPageResult RedirectWith(TeamAccessError? error, string success, string? pageName = null)
    {
        if (error is null)
        {
            Notice = success;
        }
        else
        {
            Refusal = Words(error);
        }

        return RedirectToPage(pageName);
    }

    /// <summary>
    /// Sends the person to prove a second factor (the StepUp page), and back to <paramref name="returnUrl"/> once done: the
    /// answer to a dangerous action refused with RecentSecondFactorRequired, or to a team that asks for a second factor.
    /// </summary>
    /// <param name="returnUrl">The local page to come back to.</param>
    /// <param name="reason">Why: the refusal's code, whose words the StepUp page shows.</param>
    /// <param name="switchTo">The team to switch to once the second factor is proven, if any.</param>
    /// <returns>The redirect.</returns>
    internal RedirectToPageResult StepUpFirst(string returnUrl, TeamAccessErrorCode reason = TeamAccessErrorCode.RecentSecondFactorRequired, Guid? switchTo = null) =>
        RedirectToPage("/StepUp", new { returnUrl, reason = reason.ToString(), switchTo });

    /// <summary>
    /// Runs a dangerous action (who may sign in to the team, who provisions its people, a key's secret) when the session
    /// proved a second factor within the step-up window; otherwise sends the person to the StepUp page, which brings them
    /// back to this page to repeat the action (RecentSecondFactorRequired), or refuses in words (someone without a second
    /// factor is told to set one up: <paramref name="enrolFirst"/>, or the refusal's own words).
    /// </summary>
    /// <param name="action">The action.</param>
    /// <param name="enrolFirst">The words for someone who has no second factor yet, or <see langword="null"/> for the refusal's.</param>
    /// <returns>The action's answer, the StepUp page, or this page with the refusal.</returns>
    internal async Task<IActionResult> WithRecentSecondFactorAsync(Func<Task<IActionResult>> action, string? enrolFirst = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var token = Request.Cookies[TeamAccessAuthenticationDefaults.CookieName];
        var recent = string.IsNullOrEmpty(token)
            ? Result<SessionInfo>.Failed(TeamAccessErrorCode.SignInRequired)
            : await HttpContext.RequestServices.GetRequiredService<ISecondFactorService>().RequireRecentSecondFactorAsync(token, Team, HttpContext.RequestAborted);
        if (recent.Succeeded)
        {
            return await action();
        }

        if (recent.Code == TeamAccessErrorCode.RecentSecondFactorRequired)
        {
            // Back to this page (a form post's path is its page's): the person repeats the action there.
            return StepUpFirst(Request.PathBase + Request.Path);
        }

        if (recent.Code == TeamAccessErrorCode.SecondFactorEnrolmentRequired && enrolFirst is not null)
        {
            Refusal = enrolFirst;
            return RedirectToPage();
        }

        return RedirectWith(recent.Error, "");
    }

    /// <summary>Goes to <paramref name="pageName"/> (of the package's pages) with <paramref name="notice"/> shown there.</summary>
    /// <param name="pageName">The page, such as <c>/Users</c>; <see langword="null"/> for this one.</param>
    /// <param name="notice">The outcome.</param>
    /// <returns>The redirect.</returns>
    protected RedirectToPageResult Done(string? pageName, string notice)
    {
        Notice = notice;
        return RedirectToPage(pageName);
    }
}
