using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;

namespace TeamAccess.AspNetCore.UI;

/// <summary>
/// What the pages' second-factor steps share: the sign-in's ticket and a passkey ceremony's challenge id, each kept in an
/// HttpOnly, SameSite=Strict cookie of this browser (never in a page or a URL), and a ceremony's options answered as JSON
/// to the package's passkey script (<c>teamaccess-passkeys.js</c>), or its refusal in words with, for a step-up, where to
/// prove a second factor.
/// </summary>
internal static class Ceremonies
{
    /// <summary>The cookie that holds the ticket of a sign-in waiting for its second factor.</summary>
    public const string TicketCookie = "ta_signin_ticket";

    /// <summary>The cookie that holds the id of this browser's passkey ceremony.</summary>
    public const string ChallengeCookie = "ta_ui_passkey_challenge";

    /// <summary>Whether the host configured passkeys (a relying party id; the options were validated at start).</summary>
    public static bool PasskeysOn(HttpContext http) =>
        !string.IsNullOrEmpty(http.RequestServices.GetRequiredService<IOptions<TeamAccessOptions>>().Value.Passkeys.RelyingPartyId);

    /// <summary>Keeps a sign-in's ticket in this browser until it expires.</summary>
    public static void PutTicket(HttpResponse response, SignInStep step) =>
        response.Cookies.Append(TicketCookie, step.Ticket!, Options(step.TicketExpiresAt));

    /// <summary>The ticket of this browser's sign-in, or "" when it has none.</summary>
    public static string Ticket(HttpRequest request) => request.Cookies[TicketCookie] ?? "";

    /// <summary>Forgets the sign-in's ticket (it is done, or was refused).</summary>
    public static void DropTicket(HttpResponse response) => response.Cookies.Delete(TicketCookie, Options(null));

    /// <summary>The ceremony's options as JSON, its challenge id into this browser's cookie; or the refusal in words.</summary>
    /// <param name="http">The request.</param>
    /// <param name="begun">The ceremony begun, or its refusal.</param>
    /// <param name="messages">The catalog.</param>
    /// <param name="stepUp">Where a RecentSecondFactorRequired refusal sends the person, or <see langword="null"/>.</param>
    /// <returns>The answer to the script.</returns>
    public static IActionResult Options(HttpContext http, Result<PasskeyChallenge> begun, TeamAccessMessages messages, string? stepUp = null)
    {
        if (!begun.TryGetValue(out var challenge))
        {
            return Refusal(messages.Error(begun.Error), begun.Code == TeamAccessErrorCode.RecentSecondFactorRequired ? stepUp : null);
        }

        http.Response.Cookies.Append(ChallengeCookie, challenge.ChallengeId, Options(challenge.ExpiresAt));
        return new ContentResult { Content = challenge.OptionsJson, ContentType = "application/json", StatusCode = StatusCodes.Status200OK };
    }

    /// <summary>A refusal the script shows beside its button, with a link to prove a second factor when one is owed.</summary>
    public static IActionResult Refusal(string message, string? stepUp = null) =>
        new JsonResult(new { message, stepUp }) { StatusCode = StatusCodes.Status400BadRequest };

    /// <summary>What is wrong with a new passkey's name, in words, or <see langword="null"/> when it will do.</summary>
    public static string? PasskeyNameError(string? name, TeamAccessMessages messages) =>
        string.IsNullOrWhiteSpace(name) ? messages.Text("Security.EnterPasskeyName")
        : name.Trim().Length > Fields.MaxNameLength ? messages.Error(TeamAccessErrorCode.InvalidPasskeyName)
        : null;

    /// <summary>The id of this browser's ceremony ("" when it has none), and the cookie deleted: a challenge works once anyway.</summary>
    public static string TakeChallenge(HttpContext http)
    {
        var id = http.Request.Cookies[ChallengeCookie] ?? "";
        http.Response.Cookies.Delete(ChallengeCookie, Options(null));
        return id;
    }

    /// <summary>The session's token, from its cookie ("" when there is none).</summary>
    public static string SessionToken(HttpRequest request) => request.Cookies[TeamAccessAuthenticationDefaults.CookieName] ?? "";

    /// <summary>The return address when it is local, else <see langword="null"/>.</summary>
    public static string? Local(IUrlHelper url, string? returnUrl) => returnUrl is { Length: > 0 } back && url.IsLocalUrl(back) ? back : null;

    /// <summary>An authenticator's QR code as a data URI for an <c>img</c>: drawn on the server, nothing fetched.</summary>
    public static string QrCode(AuthenticatorEnrolment enrolment) => "data:image/png;base64," + Convert.ToBase64String(enrolment.GetQrCodePng());

    private static CookieOptions Options(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
