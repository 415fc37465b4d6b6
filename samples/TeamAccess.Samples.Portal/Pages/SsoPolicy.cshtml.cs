using Microsoft.AspNetCore.Mvc;
using TeamAccess.AspNetCore;
using TeamAccess.Teams;

using TeamAccess.AspNetCore.UI;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>
/// The team's single sign-on: name the portal's SSO provider, the email domain whose people join just in time, their role,
/// and whether passwords stop working for the team (needs <c>team.sign-in-policy</c>).
/// </summary>
[TeamPermission(Permissions.TeamSignInPolicy)]
public sealed class SsoPolicyModel(ITeamService teams, RoleCatalog roles, PortalDevelopmentFeatures features) : TeamAccessPageModel
{
    /// <summary>Gets the development stand-ins that are on; without the stand-in provider no one can sign in with team SSO.</summary>
    public PortalDevelopmentFeatures Features => features;

    /// <summary>Gets or sets whether the team uses the portal's SSO provider.</summary>
    [BindProperty] public bool UseSso { get; set; }

    /// <summary>Gets or sets whether the team accepts only its SSO provider.</summary>
    [BindProperty] public bool RequireSso { get; set; }

    /// <summary>Gets or sets the email domain whose people join just in time.</summary>
    [BindProperty] public string? Domain { get; set; }

    /// <summary>Gets or sets the role of a just-in-time join; empty for none.</summary>
    [BindProperty] public string? JustInTimeRole { get; set; }

    /// <summary>Gets the roles a just-in-time join may be given (no guardian role).</summary>
    public IEnumerable<string> Roles => roles.Roles.Where(r => !r.IsGuardian).Select(r => r.Name);

    /// <summary>Shows the team's policy.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        var team = await teams.GetAsync(Actor, Team);
        if (team.Value?.SignInPolicy is { } policy)
        {
            UseSso = policy.SsoProvider == FakeSsoProvider.Name;
            RequireSso = policy.RequiresSso;
            Domain = policy.VerifiedDomain;
            JustInTimeRole = policy.JustInTimeRole;
        }
    }

    /// <summary>Saves the policy.</summary>
    /// <returns>The page again.</returns>
    public async Task<IActionResult> OnPostAsync()
    {
        // The second-factor settings belong to the Sign-in policy page: this stand-in page keeps them as they are.
        var current = (await teams.GetAsync(Actor, Team)).Value?.SignInPolicy ?? TeamSignInPolicy.Open;
        var policy = (!UseSso ? TeamSignInPolicy.Open : new TeamSignInPolicy(RequireSso, FakeSsoProvider.Name)
        {
            VerifiedDomain = string.IsNullOrWhiteSpace(Domain) ? null : Domain.Trim().ToLowerInvariant(),
            JustInTimeRole = string.IsNullOrEmpty(JustInTimeRole) ? null : JustInTimeRole,
        }) with { SecondFactorRequired = current.SecondFactorRequired, PasskeyRequired = current.PasskeyRequired };
        var saved = await teams.SetSignInPolicyAsync(Actor, Team, policy);
        return RedirectWith(saved.Error, "Sign-in policy saved.");
    }
}
