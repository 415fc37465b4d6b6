using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// Step-up: proves a second factor in the signed-in session (an authenticator or recovery code, or a passkey), then goes
/// back to the page that asked (a dangerous action refused with RecentSecondFactorRequired), or switches into the team
/// that asked for it. Not behind [Authorize]: a session its team refuses for want of a second factor is exactly the one
/// that comes here (the core accepts it for a step-up).
/// </summary>
internal sealed class StepUpModel(ISecondFactorService factors, IPasskeyService passkeys, ISessionService sessions) : TeamAccessPageModel
{
    /// <summary>Gets or sets the local page to go back to.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Gets or sets why the second factor is asked for (a <see cref="TeamAccessErrorCode"/> name).</summary>
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }

    /// <summary>Gets or sets the team to switch into once the second factor is proven.</summary>
    [BindProperty(SupportsGet = true)] public Guid? SwitchTo { get; set; }

    /// <summary>Gets or sets the code typed.</summary>
    [BindProperty] public string Code { get; set; } = "";

    /// <summary>Gets or sets the browser's answer to the passkey ceremony (JSON).</summary>
    [BindProperty] public string Credential { get; set; } = "";

    /// <summary>Gets whether the host configured passkeys.</summary>
    public bool PasskeysOn => Ceremonies.PasskeysOn(HttpContext);

    /// <summary>Gets whether only a passkey will do (the team accepts only passkeys).</summary>
    public bool PasskeyOnly => ReasonCode == TeamAccessErrorCode.PasskeyRequired;

    /// <summary>Gets why the page asks, in words.</summary>
    public string Why => Messages.Error(ReasonCode);

    private TeamAccessErrorCode ReasonCode => Enum.TryParse<TeamAccessErrorCode>(Reason, out var code) && code is TeamAccessErrorCode.SecondFactorRequired or TeamAccessErrorCode.PasskeyRequired
        ? code
        : TeamAccessErrorCode.RecentSecondFactorRequired;

    private string Token => Ceremonies.SessionToken(Request);

    /// <summary>Shows the form, or sends a person without a session to sign in.</summary>
    /// <returns>The page.</returns>
    public IActionResult OnGet() => Token.Length == 0 ? RedirectToPage("/SignIn", new { returnUrl = Ceremonies.Local(Url, ReturnUrl) }) : Page();

    /// <summary>Proves an authenticator or recovery code.</summary>
    /// <returns>The page asked for, or this page with the refusal beside the field.</returns>
    public async Task<IActionResult> OnPostCodeAsync()
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            FieldErrors[nameof(Code)] = Messages.Text("SignIn.EnterCode");
            return Page();
        }

        var proved = await factors.StepUpAsync(Token, Code);
        if (!proved.TryGetValue(out var session))
        {
            return RefuseCode(proved.Error!);
        }

        return await ContinueAsync(session);
    }

    /// <summary>Begins a step-up with a passkey (for the page's script).</summary>
    /// <returns>The request options as JSON, or the refusal in words.</returns>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Ceremonies.Options(HttpContext, await passkeys.BeginStepUpAsync(Token), Messages);

    /// <summary>Completes a step-up with the browser's answer.</summary>
    /// <returns>The page asked for, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var proved = await passkeys.CompleteStepUpAsync(Token, Ceremonies.TakeChallenge(HttpContext), Credential);
        return proved.TryGetValue(out var session) ? await ContinueAsync(session) : Refuse(proved.Error);
    }

    private PageResult RefuseCode(TeamAccessError error)
    {
        if (error.Code == TeamAccessErrorCode.InvalidSecondFactor)
        {
            FieldErrors[nameof(Code)] = Words(error);
            return Page();
        }

        return Refuse(error);
    }

    /// <summary>Keeps the renewed session, then switches team when asked to, and goes back.</summary>
    private async Task<IActionResult> ContinueAsync(Session session)
    {
        TeamAccessSessionCookie.Append(Response, session);
        if (SwitchTo is { } team)
        {
            var switched = await sessions.SwitchTeamAsync(session.AccessToken, new TeamId(team));
            if (!switched.TryGetValue(out var moved))
            {
                Refusal = Words(switched.Error);
                return RedirectToPage("/Users");
            }

            TeamAccessSessionCookie.Append(Response, moved);
            Notice = Messages.Text("StepUp.Switched");
            return RedirectToPage("/Users");
        }

        Notice = Messages.Text("StepUp.Confirmed");
        return Ceremonies.Local(Url, ReturnUrl) is { } back ? LocalRedirect(back) : RedirectToPage("/Users");
    }
}
