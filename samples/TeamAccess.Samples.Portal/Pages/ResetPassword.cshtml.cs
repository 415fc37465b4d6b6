using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>
/// Forgot password: asks for a reset link, and from the link (<c>/ResetPassword#token=...</c>, the token in the fragment and
/// then in the post's body, never in a URL that a log writes) sets a new password. Every session of the user ends.
/// </summary>
public sealed class ResetPasswordModel(IUserService users, IOptions<TeamAccessOptions> options, PortalDevelopmentFeatures features) : PortalPage
{
    /// <summary>Gets or sets the link's token, read from the fragment by the page's script.</summary>
    [BindProperty] public string? Token { get; set; }

    /// <summary>Gets or sets the new password.</summary>
    [BindProperty] public string Password { get; set; } = "";

    /// <summary>Gets or sets the address asking for a link.</summary>
    [BindProperty] public string Email { get; set; } = "";

    /// <summary>Gets the shortest password allowed.</summary>
    public int MinLength => options.Value.Passwords.MinLength;

    /// <summary>Gets the development stand-ins that are on.</summary>
    public PortalDevelopmentFeatures Features => features;

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }

    /// <summary>Sends a reset link, if the address has an account (the answer is the same either way).</summary>
    /// <returns>This page with the answer.</returns>
    public async Task<IActionResult> OnPostRequestAsync()
    {
        var result = await users.RequestPasswordResetAsync(Email);
        Notice = result.Succeeded ? "If an account has this address, we sent it a link to reset the password." : Words(result.Error);
        return RedirectToPage();
    }

    /// <summary>Sets the new password with the link's token.</summary>
    /// <returns>The sign-in page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostAsync()
    {
        var result = await users.ResetPasswordAsync(Token ?? "", Password);
        if (!result.Succeeded)
        {
            Notice = Words(result.Error);
            return Page();
        }

        Notice = "Your password is changed and every session of yours has ended: sign in with the new password.";
        return RedirectToPage("/SignIn");
    }
}
