using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// A page whose changes are dangerous actions (who may sign in to the team, who provisions its people): like the API's
/// routes, each needs a second factor proven within the step-up window. When it is missing the page asks for a code in
/// place (<c>_StepUp</c>), proves it, renews the session cookie, and the person repeats the action.
/// </summary>
internal abstract class SteppedUpPageModel : TeamAccessPageModel
{
    private const string StepUpKey = "TeamAccess.StepUp";

    /// <summary>Gets whether the page shows the step-up prompt (a dangerous action was refused for want of a recent second factor).</summary>
    public bool StepUpNeeded => TempData.Peek(StepUpKey) is true;

    /// <summary>Proves a second factor in this session, from the prompt: the session cookie is renewed.</summary>
    /// <param name="code">An authenticator code or a recovery code.</param>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostStepUpAsync(string? code)
    {
        var factors = HttpContext.RequestServices.GetRequiredService<ISecondFactorService>();
        var token = Request.Cookies[TeamAccessAuthenticationDefaults.CookieName];
        if (token is null)
        {
            return RedirectWith(new TeamAccessError(TeamAccessErrorCode.SignInRequired, ""), "");
        }

        var stepped = await factors.StepUpAsync(token, (code ?? "").Trim(), HttpContext.RequestAborted);
        if (!stepped.TryGetValue(out var session))
        {
            TempData[StepUpKey] = true;
            return RedirectWith(stepped.Error, "");
        }

        TeamAccessSessionCookie.Append(Response, session);
        TempData.Remove(StepUpKey);
        return Done(null, Messages.Text("StepUp.Done"));
    }

    /// <summary>
    /// Runs a dangerous action when the session proved a second factor recently; otherwise comes back to the page with
    /// the prompt (RecentSecondFactorRequired) or the refusal in words (SecondFactorEnrolmentRequired for someone without one).
    /// </summary>
    /// <param name="action">The action.</param>
    /// <returns>The action's answer, or the page with the prompt.</returns>
    protected async Task<IActionResult> DangerousAsync(Func<Task<IActionResult>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var factors = HttpContext.RequestServices.GetRequiredService<ISecondFactorService>();
        var token = Request.Cookies[TeamAccessAuthenticationDefaults.CookieName];
        var recent = token is null
            ? Result<SessionInfo>.Failed(TeamAccessErrorCode.SignInRequired)
            : await factors.RequireRecentSecondFactorAsync(token, Team, HttpContext.RequestAborted);
        if (recent.Succeeded)
        {
            return await action();
        }

        if (recent.Error!.Code == TeamAccessErrorCode.RecentSecondFactorRequired)
        {
            TempData[StepUpKey] = true;
        }

        return RedirectWith(recent.Error, "");
    }
}
