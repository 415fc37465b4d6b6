using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>Sign up: a user and a new team they own; the activation message goes to the host's mail (in development, the outbox).</summary>
public sealed class SignUpModel(IUserService users, PortalDevelopmentFeatures features) : PortalPage
{
    /// <summary>Gets the development stand-ins that are on.</summary>
    public PortalDevelopmentFeatures Features => features;

    /// <summary>Gets or sets the email.</summary>
    [BindProperty] public string Email { get; set; } = "";

    /// <summary>Gets or sets the password.</summary>
    [BindProperty] public string Password { get; set; } = "";

    /// <summary>Gets or sets the first name.</summary>
    [BindProperty] public string FirstName { get; set; } = "";

    /// <summary>Gets or sets the last name.</summary>
    [BindProperty] public string LastName { get; set; } = "";

    /// <summary>Gets or sets the team's name.</summary>
    [BindProperty] public string TeamName { get; set; } = "";

    /// <summary>Gets or sets the team's handle.</summary>
    [BindProperty] public string TeamHandle { get; set; } = "";

    /// <summary>Creates the account.</summary>
    /// <returns>The sign-in page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostAsync()
    {
        var result = await users.SignUpAsync(new SignUpRequest(Email, FirstName, LastName, TeamName, TeamHandle) { Password = Password });
        if (!result.Succeeded)
        {
            Notice = Words(result.Error);
            return Page();
        }

        if (!features.DevelopmentMail)
        {
            Notice = $"Account created. Open the activation link we sent to {result.Value!.User.Email}, then sign in to team {result.Value.Team.Handle}.";
            return RedirectToPage("/SignIn");
        }

        Notice = $"Account created. Open the activation link we sent to {result.Value!.User.Email} (see the Outbox), then sign in to team {result.Value.Team.Handle}.";
        return RedirectToPage("/Outbox");
    }
}
