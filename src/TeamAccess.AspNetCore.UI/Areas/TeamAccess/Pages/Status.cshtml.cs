using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The page shown for 401, 403 and other status codes, after a GET or after a refused form post (the host re-executes it:
/// <c>app.UseStatusCodePagesWithReExecute("{prefix}/Status", "?code={0}")</c>). A 401 for a session the scheme refused
/// goes on to the sign-in page with why it ended (the refusal's reason or code, a word, never the token) and, after a GET,
/// the page the person was on to return to; a 401 with no session says to sign in.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : TeamAccessPageModel
{
    /// <summary>Gets the status code.</summary>
    public int Code { get; private set; }

    /// <summary>Gets the page the person was on, to return to after signing in (GETs only).</summary>
    public string? ReturnUrl { get; private set; }

    /// <summary>Shows the status.</summary>
    /// <param name="code">The status code.</param>
    /// <returns>The page, or the sign-in page.</returns>
    public Task<IActionResult> OnGetAsync(int code) => ShowAsync(code);

    /// <summary>Shows the status of a refused form post (the status page runs again with the post's method).</summary>
    /// <param name="code">The status code.</param>
    /// <returns>The page, or the sign-in page.</returns>
    public Task<IActionResult> OnPostAsync(int code) => ShowAsync(code);

    private async Task<IActionResult> ShowAsync(int code)
    {
        Code = code;
        if (code != 401)
        {
            return Page();
        }

        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var back = original is null ? null : original.OriginalPathBase + original.OriginalPath + original.OriginalQueryString;
        if (HttpMethods.IsGet(Request.Method) && back is not null && Url.IsLocalUrl(back))
        {
            ReturnUrl = back;
        }

        // What the scheme knows of the session sent: the refusal's code, and for SessionRevoked why (its role changed,
        // it was signed out elsewhere...).
        var result = await HttpContext.AuthenticateAsync();
        if (result.Failure?.Message is { } failure && Enum.TryParse<TeamAccessErrorCode>(failure, out var refused) && Enum.IsDefined(refused))
        {
            var reason = result.Properties?.Items.TryGetValue(TeamAccessAuthenticationDefaults.SessionEndReasonItem, out var why) == true && why is { Length: > 0 }
                ? why
                : refused.ToString();
            return RedirectToPage("/SignIn", new { returnUrl = ReturnUrl, reason });
        }

        return Page();
    }
}
