using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>
/// The page shown for 401, 403 and other status codes, after a GET or after a refused form post (the host re-executes it:
/// <c>app.UseStatusCodePagesWithReExecute("{prefix}/Status", "?code={0}")</c>). For 401 it says why the session ended,
/// when one was sent, and signs in back to the page the person was on.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : TeamAccessPageModel
{
    /// <summary>Gets the status code.</summary>
    public int Code { get; private set; }

    /// <summary>Gets why the session that was sent ended, or <see langword="null"/> when none was sent.</summary>
    public string? Reason { get; private set; }

    /// <summary>Gets the code to prove a second factor for, when the session's team asks for one it has not proven.</summary>
    public string? StepUpReason { get; private set; }

    /// <summary>Gets the page the person was on, to return to after signing in (GETs only).</summary>
    public string? ReturnUrl { get; private set; }

    /// <summary>Shows the status.</summary>
    /// <param name="code">The status code.</param>
    /// <returns>A task.</returns>
    public Task OnGetAsync(int code) => ShowAsync(code);

    /// <summary>Shows the status of a refused form post (the status page runs again with the post's method).</summary>
    /// <param name="code">The status code.</param>
    /// <returns>A task.</returns>
    public Task OnPostAsync(int code) => ShowAsync(code);

    private async Task ShowAsync(int code)
    {
        Code = code;
        if (code != 401)
        {
            return;
        }

        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var back = original is null ? null : original.OriginalPathBase + original.OriginalPath + original.OriginalQueryString;
        if (HttpMethods.IsGet(Request.Method) && back is not null && Url.IsLocalUrl(back))
        {
            ReturnUrl = back;
        }

        var result = await HttpContext.AuthenticateAsync();
        if (result.Failure?.Message is { } failure && Enum.TryParse<TeamAccessErrorCode>(failure, out var reason))
        {
            Reason = reason == TeamAccessErrorCode.SessionRevoked ? Messages.Text("Session.Revoked") : Messages.Text("Session.Ended", Messages.Error(reason));

            // The team now asks for a second factor the session has not proven: a step-up keeps the session.
            if (reason is TeamAccessErrorCode.SecondFactorRequired or TeamAccessErrorCode.PasskeyRequired)
            {
                Reason = Messages.Error(reason);
                StepUpReason = reason.ToString();
            }
        }
    }
}
