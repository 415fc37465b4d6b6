using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>The team switcher: moves the session to another team of the user, or says a new sign-in is needed.</summary>
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
        }
        else
        {
            Notice = switched.Code == TeamAccessErrorCode.ReauthenticationRequired ? "That team needs a new sign-in through its own provider." : Words(switched.Error);
        }

        return RedirectToPage("/Users");
    }
}
