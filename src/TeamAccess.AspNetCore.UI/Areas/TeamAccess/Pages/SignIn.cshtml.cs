using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>Sign in to one team by its handle, with email and password; the session goes into the cookie. Also signs out.</summary>
internal sealed class SignInModel(ISessionService sessions, IOptions<TeamAccessUIOptions> ui) : TeamAccessPageModel
{
    /// <summary>Gets or sets the email.</summary>
    [BindProperty] public string Email { get; set; } = "";

    /// <summary>Gets or sets the password.</summary>
    [BindProperty] public string Password { get; set; } = "";

    /// <summary>Gets or sets the team's handle.</summary>
    [BindProperty] public string TeamHandle { get; set; } = "";

    /// <summary>Gets or sets the local page to return to after signing in.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Gets the host's team SSO page, when it has one.</summary>
    public string? SsoPath => ui.Value.SsoSignInPath;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs in.</summary>
    /// <returns>The page to return to (or Users), or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostAsync()
    {
        Fields.CheckEmail(this, nameof(Email), Email);
        if (string.IsNullOrEmpty(Password))
        {
            FieldErrors[nameof(Password)] = "Enter your password.";
        }

        if (string.IsNullOrWhiteSpace(TeamHandle))
        {
            FieldErrors[nameof(TeamHandle)] = "Enter your team's handle.";
        }

        if (FieldErrors.Count > 0)
        {
            Error = "Please correct the fields marked below.";
            return Page();
        }

        var session = await sessions.SignInAsync(SignInCredential.ForPassword(Email, Password), TeamHandle);
        if (!session.TryGetValue(out var signedIn))
        {
            Error = session.Code == TeamAccessErrorCode.NotFound ? "There is no such team, or you are not an active member of it." : Words(session.Error);
            return Page();
        }

        TeamAccessSessionCookie.Append(Response, signedIn);
        return ReturnUrl is { Length: > 0 } back && Url.IsLocalUrl(back) ? LocalRedirect(back) : RedirectToPage("/Users");
    }

    /// <summary>Signs this session out and clears the cookie.</summary>
    /// <returns>This page, saying so.</returns>
    public async Task<IActionResult> OnPostSignOutAsync()
    {
        if (Request.Cookies[TeamAccessAuthenticationDefaults.CookieName] is { } token)
        {
            await sessions.SignOutAsync(token);
        }

        TeamAccessSessionCookie.Delete(Response);
        return Done("/SignIn", "You are signed out.");
    }
}
