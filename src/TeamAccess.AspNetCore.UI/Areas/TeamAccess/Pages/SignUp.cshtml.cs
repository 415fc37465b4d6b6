using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>Sign up: a user and a new team they own; the activation message goes to the host's mail.</summary>
internal sealed class SignUpModel(IUserService users, IOptions<TeamAccessUIOptions> ui) : TeamAccessPageModel
{
    /// <summary>Gets the pages' options.</summary>
    public TeamAccessUIOptions Ui => ui.Value;

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

    /// <summary>Creates the account, or shows every field's error at once.</summary>
    /// <returns>The sign-in page (or the development outbox), or this page with the errors beside their fields.</returns>
    public async Task<IActionResult> OnPostAsync()
    {
        Fields.CheckEmail(this, nameof(Email), Email);
        Fields.CheckPassword(this, nameof(Password), Password, Email);
        Fields.CheckName(this, nameof(FirstName), FirstName);
        Fields.CheckName(this, nameof(LastName), LastName);
        Fields.CheckName(this, nameof(TeamName), TeamName);
        Fields.CheckHandle(this, nameof(TeamHandle), TeamHandle);
        if (FieldErrors.Count > 0)
        {
            Error = "Please correct the fields marked below.";
            return Page();
        }

        // The same answer for a fresh and a taken address (security review 3, L3): the account and team are created when
        // the link in the message is used; the owner of a taken address is told instead.
        var result = await users.RequestSignUpAsync(new SignUpRequest(Email, FirstName, LastName, TeamName, TeamHandle) { Password = Password });
        if (!result.Succeeded)
        {
            return Fields.Refuse(this, result.Error!, new()
            {
                [TeamAccessErrorCode.InvalidEmail] = nameof(Email),
                [TeamAccessErrorCode.PasswordPolicy] = nameof(Password),
                [TeamAccessErrorCode.InvalidHandle] = nameof(TeamHandle),
                [TeamAccessErrorCode.DuplicateHandle] = nameof(TeamHandle),
            });
        }

        var sent = $"Check your inbox: we sent a message to {Email}. Open its link to activate your account and your team {TeamHandle}, then sign in.";
        if (ui.Value.DevelopmentOutboxPath is { } outbox)
        {
            Notice = sent;
            return LocalRedirect(outbox);
        }

        return Done("/SignIn", sent);
    }
}
