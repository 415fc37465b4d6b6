using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;
using TeamAccess.Teams;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// Sign in to one team by its handle, with email and password, then a second factor when one is owed (an authenticator
/// or recovery code, or a passkey; a member of a team that requires one and who has none sets up an authenticator here,
/// or registers a first passkey when the team accepts only passkeys); or with a passkey alone. The session goes into the cookie; the sign-in's ticket waits in a cookie of its own. Also signs out.
/// </summary>
internal sealed class SignInModel(
    ISessionService sessions,
    ISecondFactorService factors,
    IPasskeyService passkeys,
    ITeamService teams,
    IOptions<TeamAccessUIOptions> ui) : TeamAccessPageModel
{
    /// <summary>The second-factor step that asks for a code (and offers a passkey).</summary>
    public const string CodeStep = "code";

    /// <summary>The step of a team that accepts only a passkey.</summary>
    public const string PasskeyStep = "passkey";

    /// <summary>The step that sets up an authenticator app for a team that requires a second factor.</summary>
    public const string EnrolStep = "enrol";

    /// <summary>The step of a team that accepts only passkeys, for a member who has none: register one and sign in with it.</summary>
    public const string PasskeyEnrolStep = "passkey-enrol";

    /// <summary>The step of a team that accepts only passkeys, for a member who has none, on a host without passkeys.</summary>
    public const string NoPasskeyStep = "no-passkey";

    /// <summary>The step that shows the recovery codes of the authenticator just set up.</summary>
    public const string CodesStep = "codes";

    /// <summary>Gets or sets the email.</summary>
    [BindProperty] public string Email { get; set; } = "";

    /// <summary>Gets or sets the password.</summary>
    [BindProperty] public string Password { get; set; } = "";

    /// <summary>Gets or sets the team's handle.</summary>
    [BindProperty] public string TeamHandle { get; set; } = "";

    /// <summary>Gets or sets the team's handle for a sign-in with a passkey alone.</summary>
    [BindProperty] public string PasskeyTeamHandle { get; set; } = "";

    /// <summary>Gets or sets the code of the second-factor step.</summary>
    [BindProperty] public string Code { get; set; } = "";

    /// <summary>Gets or sets the name of the passkey registered in the passkey enrolment step.</summary>
    [BindProperty] public string PasskeyName { get; set; } = "";

    /// <summary>Gets or sets the browser's answer to a passkey ceremony (JSON).</summary>
    [BindProperty] public string Credential { get; set; } = "";

    /// <summary>Gets or sets the step shown (posted back by the step's forms): <see langword="null"/> for the password form.</summary>
    [BindProperty] public string? Step { get; set; }

    /// <summary>Gets or sets the local page to return to after signing in.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>
    /// Gets or sets why the person's session ended (a reason the Status page passes on: <c>RoleChanged</c>,
    /// <c>SignedOut</c>, <c>SessionExpired</c>...), shown above the form; no secret, only a word.
    /// </summary>
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }

    /// <summary>Gets why the session ended, in words, or <see langword="null"/>.</summary>
    public string? EndedBecause => Messages.SessionEnded(Reason);

    /// <summary>Gets the code to prove a second factor for (the team now asks for one the session has not proven): a step-up keeps the session.</summary>
    public string? StepUpReason => Reason is nameof(TeamAccessErrorCode.SecondFactorRequired) or nameof(TeamAccessErrorCode.PasskeyRequired) ? Reason : null;

    /// <summary>Gets the host's team SSO page, when it has one.</summary>
    public string? SsoPath => ui.Value.SsoSignInPath;

    /// <summary>Gets whether the host configured passkeys.</summary>
    public bool PasskeysOn => Ceremonies.PasskeysOn(HttpContext);

    /// <summary>Gets the authenticator being set up in the enrolment step: its key and QR code, shown this once.</summary>
    public AuthenticatorEnrolment? Enrolment { get; private set; }

    /// <summary>Gets the recovery codes of the authenticator just set up, shown this once.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>Gets where to go once signed in.</summary>
    public string Continue => Ceremonies.Local(Url, ReturnUrl) ?? Url.Page("/Users")!;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs in with the password: done, or the second-factor step.</summary>
    /// <returns>The page to return to (or Users), or this page with the refusal or the next step.</returns>
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

        Step = null;
        if (FieldErrors.Count > 0)
        {
            Error = "Please correct the fields marked below.";
            return Page();
        }

        var signedIn = await factors.SignInAsync(SignInCredential.ForPassword(Email, Password), TeamHandle);
        if (!signedIn.TryGetValue(out var step))
        {
            Error = signedIn.Code == TeamAccessErrorCode.NotFound ? "There is no such team, or you are not an active member of it." : Words(signedIn.Error);
            return Page();
        }

        if (step.Session is { } session)
        {
            return SignedIn(session);
        }

        Ceremonies.PutTicket(Response, step);
        switch (step.Next)
        {
            case TeamAccessErrorCode.PasskeyRequired:
                Step = PasskeyStep;
                return Page();
            case TeamAccessErrorCode.PasskeyEnrolmentRequired when PasskeysOn:
                Step = PasskeyEnrolStep;
                return Page();
            case TeamAccessErrorCode.PasskeyEnrolmentRequired:
                Ceremonies.DropTicket(Response);
                Step = NoPasskeyStep;
                return Page();
            case TeamAccessErrorCode.SecondFactorEnrolmentRequired:
                return await EnrolAsync(step.Ticket!);
            default:
                Step = CodeStep;
                return Page();
        }
    }

    /// <summary>Completes the sign-in with an authenticator or recovery code (or the new authenticator's first code).</summary>
    /// <returns>The page to return to, the recovery codes of a new authenticator, or the step again with the refusal.</returns>
    public async Task<IActionResult> OnPostCodeAsync()
    {
        Step = Step == EnrolStep ? EnrolStep : CodeStep;
        if (string.IsNullOrWhiteSpace(Code))
        {
            FieldErrors[nameof(Code)] = Messages.Text("SignIn.EnterCode");
            return Page();
        }

        var done = await factors.CompleteSignInAsync(Ceremonies.Ticket(Request), Code);
        if (!done.TryGetValue(out var proved))
        {
            return RefuseStep(done.Error!);
        }

        Ceremonies.DropTicket(Response);
        if (proved.RecoveryCodes.Count == 0)
        {
            return SignedIn(proved.Session);
        }

        TeamAccessSessionCookie.Append(Response, proved.Session);
        RecoveryCodes = proved.RecoveryCodes;
        Step = CodesStep;
        return Page();
    }

    /// <summary>Starts the authenticator's setup again with a new key (the first one was not confirmed).</summary>
    /// <returns>The enrolment step.</returns>
    public Task<IActionResult> OnPostEnrolAsync() => EnrolAsync(Ceremonies.Ticket(Request));

    /// <summary>Begins proving a passkey as the sign-in's second factor (for the page's script).</summary>
    /// <returns>The request options as JSON, or the refusal in words.</returns>
    public async Task<IActionResult> OnPostSecondFactorPasskeyOptionsAsync() =>
        Ceremonies.Options(HttpContext, await passkeys.BeginSecondFactorAsync(Ceremonies.Ticket(Request)), Messages);

    /// <summary>Completes the sign-in with a passkey as its second factor.</summary>
    /// <returns>The page to return to, or the step again with the refusal.</returns>
    public async Task<IActionResult> OnPostSecondFactorPasskeyAsync()
    {
        Step = Step == PasskeyStep ? PasskeyStep : CodeStep;
        var done = await passkeys.CompleteSecondFactorAsync(Ceremonies.Ticket(Request), Ceremonies.TakeChallenge(HttpContext), Credential);
        if (!done.TryGetValue(out var session))
        {
            return RefuseStep(done.Error!);
        }

        Ceremonies.DropTicket(Response);
        return SignedIn(session);
    }

    /// <summary>Begins registering the first passkey of a passkey-only team's member, within the sign-in (for the page's script).</summary>
    /// <returns>The creation options as JSON, or the refusal in words.</returns>
    public async Task<IActionResult> OnPostPasskeyEnrolmentOptionsAsync() =>
        Ceremonies.PasskeyNameError(PasskeyName, Messages) is { } error
            ? Ceremonies.Refusal(error)
            : Ceremonies.Options(HttpContext, await passkeys.BeginEnrolmentAsync(Ceremonies.Ticket(Request)), Messages);

    /// <summary>Registers the first passkey and completes the sign-in with it.</summary>
    /// <returns>The page to return to, or the step again with the refusal.</returns>
    public async Task<IActionResult> OnPostPasskeyEnrolmentAsync()
    {
        Step = PasskeyEnrolStep;
        if (Ceremonies.PasskeyNameError(PasskeyName, Messages) is { } error)
        {
            FieldErrors[nameof(PasskeyName)] = error;
            return Page();
        }

        var done = await passkeys.CompleteEnrolmentAsync(Ceremonies.Ticket(Request), Ceremonies.TakeChallenge(HttpContext), Credential, PasskeyName);
        if (!done.TryGetValue(out var session))
        {
            return RefuseStep(done.Error!);
        }

        Ceremonies.DropTicket(Response);
        return SignedIn(session);
    }

    /// <summary>Begins a sign-in with a passkey alone (for the page's script), once the team's handle is typed.</summary>
    /// <returns>The request options as JSON, or the refusal in words.</returns>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        string.IsNullOrWhiteSpace(PasskeyTeamHandle)
            ? Ceremonies.Refusal(Messages.Text("SignIn.PasskeyTeamFirst"))
            : Ceremonies.Options(HttpContext, await passkeys.BeginSignInAsync(), Messages);

    /// <summary>Completes a sign-in with a passkey alone, into the team of the handle typed.</summary>
    /// <returns>The page to return to, or this page with the refusal.</returns>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var challenge = Ceremonies.TakeChallenge(HttpContext);
        var team = string.IsNullOrWhiteSpace(PasskeyTeamHandle) ? null : await teams.FindByHandleAsync(PasskeyTeamHandle.Trim().ToLowerInvariant());
        if (team is null)
        {
            FieldErrors[nameof(PasskeyTeamHandle)] = "There is no such team, or you are not an active member of it.";
            return Page();
        }

        var signedIn = await passkeys.CompleteSignInAsync(challenge, Credential, team.Id);
        return signedIn.TryGetValue(out var session) ? SignedIn(session) : Refuse(signedIn.Error);
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

    /// <summary>
    /// The enrolment step: a team that requires a second factor leads a member who has none to set up an authenticator.
    /// (A team that accepts only passkeys answers PasskeyEnrolmentRequired instead: its step registers a passkey.)
    /// </summary>
    private async Task<IActionResult> EnrolAsync(string ticket)
    {
        var begun = await factors.BeginSignInEnrolmentAsync(ticket);
        if (!begun.TryGetValue(out var enrolment))
        {
            return RefuseStep(begun.Error!);
        }

        Enrolment = enrolment;
        Step = EnrolStep;
        return Page();
    }

    /// <summary>A refused second factor: beside the code when it was the code, else the sign-in starts over.</summary>
    private PageResult RefuseStep(TeamAccessError error)
    {
        if (error.Code == TeamAccessErrorCode.InvalidSecondFactor)
        {
            FieldErrors[nameof(Code)] = Words(error);
            return Page();
        }

        if (error.Code is TeamAccessErrorCode.InvalidPasskey or TeamAccessErrorCode.PasskeyCounterRegressed or TeamAccessErrorCode.NoSecondFactor or TeamAccessErrorCode.PasskeysUnavailable
            or TeamAccessErrorCode.InvalidPasskeyName or TeamAccessErrorCode.DuplicatePasskey)
        {
            return Refuse(error);
        }

        Ceremonies.DropTicket(Response);
        Step = null;
        Error = error.Code == TeamAccessErrorCode.InvalidToken ? Messages.Text("SignIn.TicketExpired") : Words(error);
        return Page();
    }

    private LocalRedirectResult SignedIn(Session session)
    {
        TeamAccessSessionCookie.Append(Response, session);
        return LocalRedirect(Continue);
    }
}
