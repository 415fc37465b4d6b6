using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The team switcher: moves the session to another team of the user, or says a new sign-in is needed; a team that asks for
/// a second factor this session has not proven leads to the StepUp page (and switches from there), one whose policy the
/// person cannot meet yet to the Security page.
/// </summary>
[Authorize]
internal sealed class SwitchTeamModel(ISessionService sessions) : TeamAccessPageModel
{
    /// <summary>Switches.</summary>
    /// <param name="teamId">The team.</param>
    /// <returns>The Users page of the new team.</returns>
    public async Task<IActionResult> OnPostAsync(Guid teamId)
    {
        var switched = await sessions.SwitchTeamAsync(Request.Cookies[TeamAccessAuthenticationDefaults.CookieName] ?? "", new TeamId(teamId));
        if (switched.TryGetValue(out var session))
        {
            TeamAccessSessionCookie.Append(Response, session);
            return RedirectToPage("/Users");
        }

        switch (switched.Code)
        {
            // The team asks for a second factor this session has not proven: a step-up, then the switch; never a password.
            case TeamAccessErrorCode.SecondFactorRequired or TeamAccessErrorCode.PasskeyRequired:
                return StepUpFirst(Url.Page("/Users")!, switched.Code, teamId);

            // The person has no second factor yet: set one up in this session, then switch again.
            case TeamAccessErrorCode.SecondFactorEnrolmentRequired:
                Refusal = Messages.Text("SwitchTeam.EnrolFirst");
                return RedirectToPage("/Security");
            case TeamAccessErrorCode.ReauthenticationRequired:
                Notice = "That team needs a new sign-in through its own provider.";
                break;
            default:
                Notice = Words(switched.Error);
                break;
        }

        return RedirectToPage("/Users");
    }
}
