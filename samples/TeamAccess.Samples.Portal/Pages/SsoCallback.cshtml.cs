using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;
using TeamAccess.AspNetCore;

using TeamAccess.AspNetCore.UI;

namespace TeamAccess.Samples.Portal.Pages;

/// <summary>
/// The provider's answer to "Log in with team SSO", posted by the browser (response_mode=form_post): checks the state
/// against the pending sign-in's cookie, then signs in to the team with the id_token and the nonce the portal sent. The
/// provider's form carries no antiforgery token of the portal's; the state is what ties the answer to this browser.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SsoCallbackModel(ISessionService sessions) : TeamAccessPageModel
{
    /// <summary>An answer in a URL is not taken (a token there is written to logs): start again.</summary>
    /// <returns>The SSO sign-in page.</returns>
    public IActionResult OnGet()
    {
        Response.Cookies.Delete(SsoSignInModel.RequestCookie, new CookieOptions { Path = "/SsoSignIn" });
        Refusal = "That sign-in was not started here, or took too long: start again.";
        return RedirectToPage("/SsoSignIn");
    }

    /// <summary>Takes the provider's answer: checks the state, then signs in to the team with the token and the nonce sent.</summary>
    /// <param name="idToken">The provider's id_token.</param>
    /// <param name="state">The state sent to the provider.</param>
    /// <returns>The Users page, or the SSO sign-in page with the refusal.</returns>
    public async Task<IActionResult> OnPostAsync([FromForm(Name = "id_token")] string? idToken, [FromForm] string? state)
    {
        var pending = Request.Cookies[SsoSignInModel.RequestCookie]?.Split('.', 3);
        Response.Cookies.Delete(SsoSignInModel.RequestCookie, new CookieOptions { Path = "/SsoSignIn" });
        if (pending is not [var sent, var nonce, var handle] || state is null
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(sent), System.Text.Encoding.ASCII.GetBytes(state)))
        {
            Refusal = "That sign-in was not started here, or took too long: start again.";
            return RedirectToPage("/SsoSignIn");
        }

        var session = await sessions.SignInAsync(SignInCredential.ForToken(FakeSsoProvider.Name, idToken ?? "", nonce), handle);
        if (!session.TryGetValue(out var signedIn))
        {
            Refusal = session.Code == TeamAccessErrorCode.NotFound ? "You are not a member of this team, and it does not let your address join." : Words(session.Error);
            return RedirectToPage("/SsoSignIn");
        }

        TeamAccessSessionCookie.Append(Response, signedIn);
        return RedirectToPage("/Users", new { area = "TeamAccess" });
    }
}
