using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The activation link (<c>/ConfirmEmail#token=...</c>): opening it shows a button, and only the button's post confirms the
/// address, so a mail scanner that opens the link confirms nothing. The token travels in the fragment and the post's body,
/// never in a URL that a log writes.
/// </summary>
internal sealed class ConfirmEmailModel(IUserService users) : TeamAccessPageModel
{
    /// <summary>Gets or sets the link's token, read from the fragment by the page's script.</summary>
    [BindProperty] public string? Token { get; set; }

    /// <summary>Gets what happened, once the button was pressed.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Shows the button; confirms nothing.</summary>
    public void OnGet()
    {
    }

    /// <summary>Confirms the address with the link's token.</summary>
    /// <returns>A task.</returns>
    public async Task OnPostAsync()
    {
        var result = await users.ConfirmEmailAsync(Token ?? "");
        Outcome = result.Succeeded ? $"Your address {result.Value!.Email} is confirmed. You can sign in now." : result.Code == TeamAccessErrorCode.InvalidToken ? Messages.Text("Activation.InvalidToken") : Words(result.Error);
    }
}
