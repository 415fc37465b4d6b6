using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.AspNetCore;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>
/// "Log in with team SSO": asks for the team's handle, sends the browser to that team's provider with a fresh state and
/// nonce, and on the way back signs in to the team with the provider's id_token.
/// </summary>
public sealed class SsoSignInModel(ITeamService teams, ISessionService sessions, PortalDevelopmentFeatures features) : PortalPage
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
            Notice = "There is no such team.";
            return Page();
        }

        if (team.SignInPolicy.SsoProvider != FakeSsoProvider.Name)
        {
            Notice = $"{team.Name} has no single sign-on: sign in with your password.";
            return Page();
        }

        if (!features.StandInSso)
        {
            Notice = $"{team.Name} signs in with the portal's stand-in SSO provider, which is for development only and is off here: sign in with your password.";
            return Page();
        }

        var state = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);
        Response.Cookies.Append(RequestCookie, $"{state}.{nonce}.{team.Handle}", new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromMinutes(10),
            Path = "/SsoSignIn",
        });
        return Redirect(QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = FakeSsoProvider.ClientId,
            ["redirect_uri"] = Url.Page("/SsoSignIn", "Callback"),
            ["state"] = state,
            ["nonce"] = nonce,
        }).ToUriComponent().Insert(0, "/FakeSso"));
    }

    /// <summary>Takes the provider's answer: checks the state, then signs in to the team with the token and the nonce sent.</summary>
    /// <param name="idToken">The provider's id_token.</param>
    /// <param name="state">The state sent to the provider.</param>
    /// <returns>The Users page, or this page with the refusal.</returns>
    public async Task<IActionResult> OnGetCallbackAsync([FromQuery(Name = "id_token")] string? idToken, string? state)
    {
        var pending = Request.Cookies[RequestCookie]?.Split('.', 3);
        Response.Cookies.Delete(RequestCookie, new CookieOptions { Path = "/SsoSignIn" });
        if (pending is not [var sent, var nonce, var handle] || state is null
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(sent), System.Text.Encoding.ASCII.GetBytes(state)))
        {
            Notice = "That sign-in was not started here, or took too long: start again.";
            return Page();
        }

        TeamHandle = handle;
        var session = await sessions.SignInAsync(SignInCredential.ForToken(FakeSsoProvider.Name, idToken ?? "", nonce), handle);
        if (!session.TryGetValue(out var signedIn))
        {
            Notice = session.Code == TeamAccessErrorCode.NotFound ? "You are not a member of this team, and it does not let your address join." : Words(session.Error);
            return Page();
        }

        TeamAccessSessionCookie.Append(Response, signedIn);
        return RedirectToPage("/Users");
    }
}
