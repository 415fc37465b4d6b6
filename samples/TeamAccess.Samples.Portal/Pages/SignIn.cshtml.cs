using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;
using TeamAccess.AspNetCore;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>Sign in to one team by its handle, with email and password; the session goes into the cookie. Also signs out.</summary>
public sealed class SignInModel(ISessionService sessions) : PortalPage
{
    /// <summary>Gets or sets the email.</summary>
    [BindProperty] public string Email { get; set; } = "";

    /// <summary>Gets or sets the password.</summary>
    [BindProperty] public string Password { get; set; } = "";

    /// <summary>Gets or sets the team's handle.</summary>
    [BindProperty] public string TeamHandle { get; set; } = "";

    /// <summary>Signs in.</summary>
    /// <returns>The Users page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostAsync()
    {
        var session = await sessions.SignInAsync(SignInCredential.ForPassword(Email, Password), TeamHandle);
        if (!session.TryGetValue(out var signedIn))
        {
            Notice = session.Code == TeamAccessErrorCode.NotFound ? "There is no such team, or you are not an active member of it." : Words(session.Error);
            return Page();
        }

        TeamAccessSessionCookie.Append(Response, signedIn);
        return RedirectToPage("/Users");
    }

    /// <summary>Signs this session out and clears the cookie.</summary>
    /// <returns>The start page.</returns>
    public async Task<IActionResult> OnPostSignOutAsync()
    {
        if (Request.Cookies[TeamAccessAuthenticationDefaults.CookieName] is { } token)
        {
            await sessions.SignOutAsync(token);
        }

        TeamAccessSessionCookie.Delete(Response);
        return RedirectToPage("/Index");
    }
}
