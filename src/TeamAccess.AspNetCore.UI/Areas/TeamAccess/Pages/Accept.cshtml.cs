using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;
using TeamAccess.Invitations;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// Accept an invitation by its link or by team, address and code, creating the account; then signed in to the team. The
/// link carries its token in the fragment (<c>/Accept#token=...</c>), which the browser never sends: the page's script
/// posts it, so no token or code is ever in a URL that a log writes.
/// </summary>
internal sealed class AcceptModel(IInvitationService invitations, ISessionService sessions) : TeamAccessPageModel
{
    /// <summary>Gets or sets the link's token.</summary>
    [BindProperty] public string? Token { get; set; }

    /// <summary>Gets or sets the team's handle (code path).</summary>
    [BindProperty] public string? TeamHandle { get; set; }

    /// <summary>Gets or sets the invited address (code path).</summary>
    [BindProperty] public string? Email { get; set; }

    /// <summary>Gets or sets the code (code path).</summary>
    [BindProperty] public string? Code { get; set; }

    /// <summary>Gets or sets the first name.</summary>
    [BindProperty] public string FirstName { get; set; } = "";

    /// <summary>Gets or sets the last name.</summary>
    [BindProperty] public string LastName { get; set; } = "";

    /// <summary>Gets or sets the new password.</summary>
    [BindProperty] public string Password { get; set; } = "";

    /// <summary>Gets what the invitation offers.</summary>
    public InvitationPreview? Preview { get; private set; }

    private InvitationKey? Key => Token is { Length: > 0 } token ? InvitationKey.FromToken(token)
        : Code is { Length: > 0 } code ? InvitationKey.FromCode(TeamHandle ?? "", Email ?? "", code) : null;

    /// <summary>Shows the page that reads the link's token from the fragment, or asks for team, address and code.</summary>
    public void OnGet()
    {
    }

    /// <summary>Looks at the invitation named by the posted token or code (never consumes it).</summary>
    /// <returns>A task.</returns>
    public async Task OnPostOpenAsync() => await PeekAsync();

    /// <summary>Accepts with a new account and signs in.</summary>
    /// <returns>The Users page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (Key is not { } key)
        {
            return Page();
        }

        Fields.CheckName(this, nameof(FirstName), FirstName);
        Fields.CheckName(this, nameof(LastName), LastName);
        Fields.CheckPassword(this, nameof(Password), Password, Email);
        if (FieldErrors.Count > 0)
        {
            await PeekAsync();
            return Page();
        }

        var accepted = await invitations.AcceptWithNewAccountAsync(key, new NewAccount(FirstName, LastName, Password));
        if (!accepted.TryGetValue(out var done))
        {
            await PeekAsync();
            return Fields.Refuse(this, accepted.Error!, new() { [TeamAccessErrorCode.PasswordPolicy] = nameof(Password) });
        }

        var session = await sessions.SignInAsync(SignInCredential.ForPassword(done.User.Email, Password), done.Membership.TeamId);
        if (session.TryGetValue(out var signedIn))
        {
            TeamAccessSessionCookie.Append(Response, signedIn);
        }
        else if (session.Code is TeamAccessErrorCode.SecondFactorEnrolmentRequired or TeamAccessErrorCode.SecondFactorRequired or TeamAccessErrorCode.PasskeyRequired
            or TeamAccessErrorCode.PasskeyEnrolmentRequired)
        {
            // The team requires a second factor: the sign-in page leads the new member through setting one up.
            Notice = $"Welcome to the team, {done.User.FirstName}. " + Messages.Text("Accept.SignInForSecondFactor");
            return RedirectToPage("/SignIn");
        }

        Notice = $"Welcome to the team, {done.User.FirstName}.";
        return RedirectToPage("/Users");
    }

    /// <summary>Accepts as the signed-in user (whose address must be the invited one), then moves the session to the team.</summary>
    /// <returns>The Users page of the team, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostSignedInAsync()
    {
        if (Key is not { } key || User.Identity?.IsAuthenticated != true)
        {
            return Page();
        }

        var accepted = await invitations.AcceptAsync(Actor, key);
        if (!accepted.TryGetValue(out var membership))
        {
            await PeekAsync();
            return Refuse(accepted.Error);
        }

        var switched = await sessions.SwitchTeamAsync(Request.Cookies[TeamAccessAuthenticationDefaults.CookieName] ?? "", membership.TeamId);
        if (switched.TryGetValue(out var session))
        {
            TeamAccessSessionCookie.Append(Response, session);
        }

        Notice = $"You joined the team as {membership.Role}.";
        return RedirectToPage("/Users");
    }

    private async Task PeekAsync()
    {
        if (Key is { } key)
        {
            var peeked = await invitations.PeekAsync(key);
            Preview = peeked.Value is { Status: InvitationStatus.Pending } pending ? pending : null;
            if (!peeked.Succeeded || Preview is null)
            {
                Error = peeked.Succeeded ? $"This invitation is {peeked.Value!.Status.ToString().ToLowerInvariant()}." : Words(peeked.Error);
            }
        }
    }
}
