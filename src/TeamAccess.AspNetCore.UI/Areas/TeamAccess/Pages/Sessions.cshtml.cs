using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI.Pages;

/// <summary>The signed-in person's sessions: where they are signed in, and signing one or all the others out.</summary>
[Authorize]
internal sealed class SessionsModel(ISessionService sessions, TimeProvider time) : TeamAccessPageModel
{
    /// <summary>Gets the sessions, latest sign-in first, the current one marked.</summary>
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    /// <summary>Gets the time the page is drawn at, for the relative dates.</summary>
    public DateTimeOffset Now { get; private set; }

    private string Token => Request.Cookies[TeamAccessAuthenticationDefaults.CookieName] ?? "";

    /// <summary>Shows the page.</summary>
    /// <returns>A task.</returns>
    public async Task OnGetAsync()
    {
        Now = time.GetUtcNow();
        var listed = await sessions.ListSessionsAsync(Token);
        Sessions = listed.Value ?? [];
        if (!listed.Succeeded)
        {
            Error = Words(listed.Error);
        }
    }

    /// <summary>Signs one of the person's sessions out (this one too: then on to the sign-in page).</summary>
    /// <param name="id">The session.</param>
    /// <returns>This page with the outcome, or the sign-in page after signing this session out.</returns>
    public async Task<IActionResult> OnPostSignOutAsync(Guid id)
    {
        var current = (await sessions.ValidateAsync(Token, Team)).Value?.SessionId == id;
        var done = await sessions.SignOutSessionAsync(Token, id);
        if (done.Succeeded && current)
        {
            TeamAccessSessionCookie.Delete(Response);
            return Done("/SignIn", "You signed this session out.");
        }

        return RedirectWith(done.Error, "The session is signed out.");
    }

    /// <summary>Signs every other session of the person out.</summary>
    /// <returns>This page with the outcome.</returns>
    public async Task<IActionResult> OnPostSignOutOthersAsync()
    {
        var done = await sessions.SignOutOtherSessionsAsync(Token);
        return RedirectWith(done.Error, done.Value == 1 ? "1 other session is signed out." : $"{done.Value} other sessions are signed out.");
    }

    /// <summary>A time as a person reads it relative to now ("3 minutes ago").</summary>
    /// <param name="at">The time.</param>
    /// <returns>The words.</returns>
    public string Relative(DateTimeOffset at)
    {
        var ago = Now - at;
        return ago switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalMinutes: < 2 } => "1 minute ago",
            { TotalHours: < 1 } => $"{(int)ago.TotalMinutes} minutes ago",
            { TotalHours: < 2 } => "1 hour ago",
            { TotalDays: < 1 } => $"{(int)ago.TotalHours} hours ago",
            { TotalDays: < 2 } => "yesterday",
            _ => $"{(int)ago.TotalDays} days ago",
        };
    }

    /// <summary>The methods of a session in words.</summary>
    /// <param name="methods">The <c>amr</c> values.</param>
    /// <returns>The words.</returns>
    public static string Methods(IReadOnlyList<string> methods) => string.Join(", ", methods.Where(m => m != AuthenticationMethods.MultipleFactors).Select(m => m switch
    {
        AuthenticationMethods.Password => "password",
        AuthenticationMethods.OneTimePassword => "authenticator code",
        AuthenticationMethods.HardwareKey or AuthenticationMethods.SoftwareKey => "passkey",
        AuthenticationMethods.External => "identity provider",
        _ => m,
    }));
}
