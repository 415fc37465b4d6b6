using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamAccess;
using TeamAccess.Accounts;
using TeamAccess.AspNetCore;

namespace Microsoft.AspNetCore.Routing;

/// <content>
/// Passkeys (<see cref="IPasskeyService"/>): each WebAuthn ceremony is an <c>/options</c> route, whose answer is the JSON
/// to pass to <c>navigator.credentials.create</c> or <c>get</c>, and a route that verifies the browser's answer. The
/// challenge's id goes to the browser only as an HttpOnly, SameSite=Strict cookie, read back and deleted by the verifying
/// route, so a challenge is bound to the browser that asked for it (and works once, until it expires, whoever holds it).
/// </content>
public static partial class TeamAccessEndpointRouteBuilderExtensions
{
    private const string PasskeyChallengeCookie = "ta_passkey_challenge";

    private static void MapPasskeys(RouteGroupBuilder api)
    {
        api.MapPost("/signin/passkey/options", async (HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
                PasskeyOptions(http, await passkeys.BeginSignInAsync(ct).ConfigureAwait(false)))
            .Describe("PasskeySignInOptions", "Begins a sign-in with a passkey alone: the request options (any discoverable passkey, user verification required); the challenge is this browser's cookie.");

        api.MapPost("/signin/passkey", async (PasskeyBody body, bool? useCookies, HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
            {
                if (FirstMissing(("credential", body.Credential?.GetRawText()), ("teamId", body.TeamId?.ToString())) is { } missing)
                {
                    return missing;
                }

                var done = await passkeys.CompleteSignInAsync(TakeChallenge(http), body.Credential!.Value.GetRawText(), new TeamId(body.TeamId!.Value), ct).ConfigureAwait(false);
                return Issue(http, done, useCookies == true);
            })
            .Describe<SessionResponse>("PasskeySignIn", "Completes a sign-in with a passkey alone into the team: a session whose methods are hwk or swk and mfa. ?useCookies=true sets the session cookie.");

        api.MapPost("/signin/second-factor/passkey/options", async (TicketBody body, HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
                FirstMissing(("ticket", body.Ticket)) ?? PasskeyOptions(http, await passkeys.BeginSecondFactorAsync(body.Ticket!, ct).ConfigureAwait(false)))
            .Describe("PasskeySecondFactorOptions", "Within a sign-in that owes a second factor, the request options for one of the user's passkeys.");

        api.MapPost("/signin/second-factor/passkey", async (PasskeyBody body, bool? useCookies, HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
            {
                if (FirstMissing(("ticket", body.Ticket), ("credential", body.Credential?.GetRawText())) is { } missing)
                {
                    return missing;
                }

                var done = await passkeys.CompleteSecondFactorAsync(body.Ticket!, TakeChallenge(http), body.Credential!.Value.GetRawText(), ct).ConfigureAwait(false);
                return Issue(http, done, useCookies == true);
            })
            .Describe<SessionResponse>("PasskeySecondFactor", "Completes a sign-in with the ticket /signin answered with and a passkey.");

        api.MapPost("/signin/second-factor/passkey-enrolment/options", async (TicketBody body, HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
                FirstMissing(("ticket", body.Ticket)) ?? PasskeyOptions(http, await passkeys.BeginEnrolmentAsync(body.Ticket!, ct).ConfigureAwait(false)))
            .Describe("PasskeyEnrolmentOptions", "Within a sign-in to a passkey-only team by a member who has no passkey (PasskeyEnrolmentRequired), the creation options for a first passkey; the ticket works only while the user has none.");

        api.MapPost("/signin/second-factor/passkey-enrolment", async (PasskeyBody body, bool? useCookies, HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
            {
                if (FirstMissing(("ticket", body.Ticket), ("credential", body.Credential?.GetRawText()), ("name", body.Name)) is { } missing)
                {
                    return missing;
                }

                var done = await passkeys.CompleteEnrolmentAsync(body.Ticket!, TakeChallenge(http), body.Credential!.Value.GetRawText(), body.Name!, ct).ConfigureAwait(false);
                return Issue(http, done, useCookies == true);
            })
            .Describe<SessionResponse>("PasskeyEnrolment", "Registers the first passkey with the enrolment ticket /signin answered with, and completes the sign-in: a session whose methods are the first factor's, hwk or swk, and mfa. ?useCookies=true sets the session cookie.");

        api.MapGet("/me/passkeys", async (HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
            {
                var (token, _) = await SessionTokenAsync(http).ConfigureAwait(false);
                return (await passkeys.ListAsync(token, ct).ConfigureAwait(false)).ToHttpResult(list => list.Select(PasskeyResponse.From).ToList());
            })
            .RequireAuthorization()
            .Describe<List<PasskeyResponse>>("Passkeys", "The signed-in user's passkeys, oldest first.");

        api.MapPost("/me/passkeys/options", async (HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
            {
                var (token, _) = await SessionTokenAsync(http).ConfigureAwait(false);
                return PasskeyOptions(http, await passkeys.BeginRegistrationAsync(token, ct).ConfigureAwait(false));
            })
            .RequireAuthorization()
            .Describe("PasskeyRegistrationOptions", "Begins registering a passkey: the creation options (RecentSecondFactorRequired when the user has a second factor not proven within the step-up window).");

        api.MapPost("/me/passkeys", async (PasskeyBody body, HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
            {
                if (FirstMissing(("credential", body.Credential?.GetRawText()), ("name", body.Name)) is { } missing)
                {
                    return missing;
                }

                var (token, _) = await SessionTokenAsync(http).ConfigureAwait(false);
                var registered = await passkeys.CompleteRegistrationAsync(token, TakeChallenge(http), body.Credential!.Value.GetRawText(), body.Name!, ct).ConfigureAwait(false);
                return registered.ToHttpResult(PasskeyResponse.From);
            })
            .RequireAuthorization()
            .Describe<PasskeyResponse>("RegisterPasskey", "Completes a registration with the browser's answer and the passkey's name.");

        api.MapPatch("/me/passkeys/{passkeyId:guid}", async (Guid passkeyId, PasskeyBody body, HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
            {
                if (FirstMissing(("name", body.Name)) is { } missing)
                {
                    return missing;
                }

                var (token, _) = await SessionTokenAsync(http).ConfigureAwait(false);
                return (await passkeys.RenameAsync(token, new PasskeyId(passkeyId), body.Name!, ct).ConfigureAwait(false)).ToHttpResult(PasskeyResponse.From);
            })
            .RequireAuthorization()
            .Describe<PasskeyResponse>("RenamePasskey", "Renames one of the user's passkeys.");

        api.MapDelete("/me/passkeys/{passkeyId:guid}", async (Guid passkeyId, HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
            {
                var (token, fromCookie) = await SessionTokenAsync(http).ConfigureAwait(false);
                return Issue(http, await passkeys.RemoveAsync(token, new PasskeyId(passkeyId), ct).ConfigureAwait(false), fromCookie);
            })
            .RequireAuthorization()
            .Describe<SessionResponse>("RemovePasskey", "Removes a passkey (RecentSecondFactorRequired unless a second factor was proven within the step-up window); the user's other sessions end and a new token of this one is returned.");

        api.MapPost("/step-up/passkey/options", async (HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
            {
                var (token, _) = await SessionTokenAsync(http).ConfigureAwait(false);
                return PasskeyOptions(http, await passkeys.BeginStepUpAsync(token, ct).ConfigureAwait(false));
            })
            .RequireAuthorization()
            .Describe("PasskeyStepUpOptions", "Begins a step-up with one of the user's passkeys.");

        api.MapPost("/step-up/passkey", async (PasskeyBody body, HttpContext http, IPasskeyService passkeys, CancellationToken ct) =>
            {
                if (FirstMissing(("credential", body.Credential?.GetRawText())) is { } missing)
                {
                    return missing;
                }

                var (token, fromCookie) = await SessionTokenAsync(http).ConfigureAwait(false);
                return Issue(http, await passkeys.CompleteStepUpAsync(token, TakeChallenge(http), body.Credential!.Value.GetRawText(), ct).ConfigureAwait(false), fromCookie);
            })
            .RequireAuthorization()
            .Describe<SessionResponse>("PasskeyStepUp", "Proves a passkey in this session (step-up): a new token whose second factor is now.");
    }

    /// <summary>The ceremony's options as the JSON body, and its challenge id as this browser's cookie.</summary>
    private static IResult PasskeyOptions(HttpContext http, Result<PasskeyChallenge> begun)
    {
        if (!begun.TryGetValue(out var challenge))
        {
            return begun.ToHttpResult();
        }

        http.Response.Cookies.Append(PasskeyChallengeCookie, challenge.ChallengeId, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = challenge.ExpiresAt,
        });
        return TypedResults.Content(challenge.OptionsJson, "application/json");
    }

    /// <summary>The challenge id of this browser's ceremony (empty when it has none), and the cookie deleted: it works once anyway.</summary>
    private static string TakeChallenge(HttpContext http)
    {
        var id = http.Request.Cookies[PasskeyChallengeCookie] ?? "";
        http.Response.Cookies.Delete(PasskeyChallengeCookie, new CookieOptions { Path = "/", Secure = http.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Strict });
        return id;
    }
}
