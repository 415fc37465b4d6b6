using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;
using TeamAccess.Members;
using TeamAccess.Teams;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>The signed-in person's own account: create another team (and switch to it), change the password, leave the session's team.</summary>
[Authorize]
internal sealed class MyAccountModel(ITeamService teams, ISessionService sessions, IMemberService members) : TeamAccessPageModel
{
    /// <summary>Gets or sets the new team's name; on a GET, the session team's name (for the leave confirmation).</summary>
    [BindProperty] public string TeamName { get; set; } = "";

    /// <summary>Gets or sets the new team's handle.</summary>
    [BindProperty] public string TeamHandle { get; set; } = "";

    /// <summary>Gets or sets the current password.</summary>
    [BindProperty] public string CurrentPassword { get; set; } = "";

    /// <summary>Gets or sets the new password.</summary>
    [BindProperty] public string NewPassword { get; set; } = "";

    private string Token => Request.Cookies[TeamAccessAuthenticationDefaults.CookieName] ?? "";

    /// <summary>Shows the page.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync() => TeamName = (await teams.GetAsync(Actor, Team)).Value?.Name ?? "";

    /// <summary>Creates a team the person owns and moves the session to it.</summary>
    /// <returns>The new team's Users page, or this page with the errors beside their fields.</returns>
    public async Task<IActionResult> OnPostCreateTeamAsync()
    {
        Fields.CheckName(this, nameof(TeamName), TeamName);
        Fields.CheckHandle(this, nameof(TeamHandle), TeamHandle);
        if (FieldErrors.Count > 0)
        {
            return Page();
        }

        var created = await teams.CreateAsync(Actor, TeamName, TeamHandle.Trim().ToLowerInvariant());
        if (!created.TryGetValue(out var team))
        {
            return Fields.Refuse(this, created.Error!, new()
            {
                [TeamAccessErrorCode.InvalidHandle] = nameof(TeamHandle),
                [TeamAccessErrorCode.DuplicateHandle] = nameof(TeamHandle),
                [TeamAccessErrorCode.InvalidName] = nameof(TeamName),
            });
        }

        if ((await sessions.SwitchTeamAsync(Token, team.Id)).TryGetValue(out var session))
        {
            TeamAccessSessionCookie.Append(Response, session);
        }

        return Done("/Users", $"Team {team.Name} created: you are its Owner.");
    }

    /// <summary>Changes the password; the other sessions end, this one goes on with a new token.</summary>
    /// <returns>This page, or this page with the refusal beside its field.</returns>
    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var changed = await sessions.ChangePasswordAsync(Token, CurrentPassword, NewPassword);
        if (!changed.TryGetValue(out var session))
        {
            return Fields.Refuse(this, changed.Error!, new()
            {
                [TeamAccessErrorCode.InvalidCredentials] = nameof(CurrentPassword),
                [TeamAccessErrorCode.PasswordPolicy] = nameof(NewPassword),
            });
        }

        TeamAccessSessionCookie.Append(Response, session);
        return Done(null, "Your password is changed; your other sessions have ended.");
    }

    /// <summary>Leaves the session's team and signs out of it.</summary>
    /// <returns>The sign-in page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostLeaveAsync()
    {
        var left = await members.LeaveAsync(Actor, Team);
        if (!left.Succeeded)
        {
            await OnGetAsync();
            return Refuse(left.Error);
        }

        await sessions.SignOutAsync(Token);
        TeamAccessSessionCookie.Delete(Response);
        return Done("/SignIn", "You left the team. Sign in to another of your teams to go on.");
    }
}
