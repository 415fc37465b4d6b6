using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;
using TeamAccess.Teams;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The team's second-factor policy (the guardian's <c>team.sign-in-policy</c>): none, a second factor required (an
/// authenticator or a passkey), or passkeys only. Changing it is a dangerous action: it needs a second factor proven within
/// the step-up window (the StepUp page and back). Only these two settings change; the team's SSO settings are kept.
/// </summary>
[TeamPermission(Permissions.TeamSignInPolicy)]
internal sealed class SignInPolicyModel(ITeamService teams, ISecondFactorService factors, IPasskeyService passkeys) : TeamAccessPageModel
{
    /// <summary>No second factor asked.</summary>
    public const string None = "none";

    /// <summary>An authenticator or a passkey.</summary>
    public const string SecondFactor = "second-factor";

    /// <summary>A passkey only.</summary>
    public const string PasskeyOnly = "passkey";

    /// <summary>Gets or sets the policy chosen.</summary>
    [BindProperty] public string Requirement { get; set; } = None;

    /// <summary>Gets whether the host configured passkeys (otherwise "passkeys only" is not offered).</summary>
    public bool PasskeysOn => Ceremonies.PasskeysOn(HttpContext);

    /// <summary>Gets the team's name.</summary>
    public string TeamName { get; private set; } = "";

    private string Token => Ceremonies.SessionToken(Request);

    /// <summary>Shows the team's policy.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        var team = (await teams.GetAsync(Actor, Team)).Value;
        TeamName = team?.Name ?? "";
        Requirement = team?.SignInPolicy switch
        {
            { PasskeyRequired: true } => PasskeyOnly,
            { SecondFactorRequired: true } => SecondFactor,
            _ => None,
        };
    }

    /// <summary>Saves the policy, after a recent second factor.</summary>
    /// <returns>This page, saying so; or the StepUp page first.</returns>
    public async Task<IActionResult> OnPostAsync()
    {
        if (Requirement is not (None or SecondFactor or PasskeyOnly) || (Requirement == PasskeyOnly && !PasskeysOn))
        {
            Requirement = None;
            Error = Messages.Text("Policy.Choose");
            return Page();
        }

        // A guardian who turns on "passkeys only" without a passkey would shut themselves out of the team: said
        // first, before any step-up.
        if (Requirement == PasskeyOnly && (await passkeys.ListAsync(Token)).Value is not { Count: > 0 })
        {
            FieldErrors[nameof(Requirement)] = Messages.Text("Policy.OwnPasskeyFirst");
            Error = FieldErrors[nameof(Requirement)];
            TeamName = (await teams.GetAsync(Actor, Team)).Value?.Name ?? "";
            return Page();
        }

        var recent = await factors.RequireRecentSecondFactorAsync(Token, Team);
        if (recent.Code == TeamAccessErrorCode.RecentSecondFactorRequired)
        {
            return StepUpFirst(Url.Page("/SignInPolicy")!);
        }

        if (recent.Code == TeamAccessErrorCode.SecondFactorEnrolmentRequired)
        {
            Refusal = Messages.Text("Policy.OwnSecondFactorFirst");
            return RedirectToPage("/Security");
        }

        if (!recent.Succeeded)
        {
            return Refuse(recent.Error);
        }

        var current = (await teams.GetAsync(Actor, Team)).Value?.SignInPolicy ?? TeamSignInPolicy.Open;
        var policy = current with { SecondFactorRequired = Requirement != None, PasskeyRequired = Requirement == PasskeyOnly };
        var saved = await teams.SetSignInPolicyAsync(Actor, Team, policy);
        return RedirectWith(saved.Error, Messages.Text("Policy.Saved"));
    }
}
