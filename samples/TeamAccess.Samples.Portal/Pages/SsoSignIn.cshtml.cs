using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.Teams;

using TeamAccess.AspNetCore.UI;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>
/// "Log in with team SSO": asks for the team's handle and sends the browser to that team's provider with a fresh state and
/// nonce; the provider posts its id_token back to <see cref="SsoCallbackModel"/> (response_mode=form_post, so the token is
/// never in a URL that a log writes).
/// </summary>
public sealed class SsoSignInModel(ITeamService teams, PortalDevelopmentFeatures features) : TeamAccessPageModel
{
    /// <summary>The cookie holding the pending sign-in's state, nonce and team handle while the browser is at the provider.</summary>
    public const string RequestCookie = "portal-sso-request";

    /// <summary>Gets or sets the team's handle.</summary>
    [BindProperty] public string TeamHandle { get; set; } = "";

    /// <summary>Finds the team's provider and sends the browser there.</summary>
    /// <returns>The provider's page, or this page with the reason there is none.</returns>
    public async Task<IActionResult> OnPostAsync()
    {
        var handle = TeamHandle.Trim().ToLowerInvariant();
        var team = handle.Length == 0 ? null : await teams.FindByHandleAsync(handle);
        if (team is null)
        {
            Error = "There is no such team.";
            return Page();
        }

        if (team.SignInPolicy.SsoProvider != FakeSsoProvider.Name)
        {
            Error = $"{team.Name} has no single sign-on: sign in with your password.";
            return Page();
        }

        if (!features.StandInSso)
        {
            Error = $"{team.Name} signs in with the portal's stand-in SSO provider, which is for development only and is off here: sign in with your password.";
            return Page();
        }

        var state = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);

        // The provider's answer comes back as a form post: from a provider on another site (any real one) a Lax cookie is
        // not sent with it, so over HTTPS the cookie is SameSite=None; the stand-in provider is this site, where Lax does.
        Response.Cookies.Append(RequestCookie, $"{state}.{nonce}.{team.Handle}", new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = Request.IsHttps ? SameSiteMode.None : SameSiteMode.Lax,
            MaxAge = TimeSpan.FromMinutes(10),
            Path = "/SsoSignIn",
        });
        return Redirect(QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = FakeSsoProvider.ClientId,
            ["redirect_uri"] = Url.Page("/SsoCallback"),
            ["response_mode"] = "form_post",
            ["state"] = state,
            ["nonce"] = nonce,
        }).ToUriComponent().Insert(0, "/FakeSso"));
    }
}
