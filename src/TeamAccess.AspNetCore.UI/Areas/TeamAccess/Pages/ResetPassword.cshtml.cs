using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// Forgot password: asks for a reset link, and from the link (<c>ResetPassword#token=...</c>, the token in the fragment and
/// then in the post's body, never in a URL that a log writes) sets a new password. Every session of the user ends.
/// </summary>
internal sealed class ResetPasswordModel(IUserService users, IOptions<TeamAccessUIOptions> ui) : TeamAccessPageModel
{
    /// <summary>Gets or sets the link's token, read from the fragment by the page's script.</summary>
    [BindProperty] public string? Token { get; set; }

    /// <summary>Gets or sets the new password.</summary>
    [BindProperty] public string Password { get; set; } = "";

    /// <summary>Gets or sets the address asking for a link.</summary>
    [BindProperty] public string Email { get; set; } = "";

    /// <summary>Gets the pages' options.</summary>
    public TeamAccessUIOptions Ui => ui.Value;

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
    }

    /// <summary>Sends a reset link, if the address has an account (the answer is the same either way).</summary>
    /// <returns>This page with the answer.</returns>
    public async Task<IActionResult> OnPostRequestAsync()
    {
        Fields.CheckEmail(this, nameof(Email), Email);
        if (FieldErrors.Count > 0)
        {
            return Page();
        }

        var result = await users.RequestPasswordResetAsync(Email);
        return result.Succeeded ? Done(null, "If an account has this address, we sent it a link to reset the password.") : Refuse(result.Error);
    }

    /// <summary>Sets the new password with the link's token.</summary>
    /// <returns>The sign-in page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostAsync()
    {
        var result = await users.ResetPasswordAsync(Token ?? "", Password);
        if (!result.Succeeded)
        {
            return Fields.Refuse(this, result.Error!, new() { [TeamAccessErrorCode.PasswordPolicy] = nameof(Password) });
        }

        return Done("/SignIn", "Your password is changed and every session of yours has ended: sign in with the new password.");
    }
}
