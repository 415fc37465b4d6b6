using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamAccess;
using TeamAccess.Accounts;
using TeamAccess.AspNetCore;

namespace Microsoft.AspNetCore.Routing;

/// <content>
/// Second factors (<see cref="ISecondFactorService"/>): the sign-in's second step, the authenticator's enrolment and
/// removal, recovery codes, and step-up. A sign-in that owes a second factor is answered by <c>/signin</c> with a 401
/// problem (<c>SecondFactorRequired</c>, or <c>SecondFactorEnrolmentRequired</c> with 403) carrying the ticket that
/// <c>/signin/second-factor</c> completes.
/// </content>
public static partial class TeamAccessEndpointRouteBuilderExtensions
{
    private static void MapSecondFactors(RouteGroupBuilder api)
    {
        api.MapPost("/signin/second-factor", async (SecondFactorSignInBody body, bool? useCookies, HttpContext http, ISecondFactorService factors, CancellationToken ct) =>
            {
                if (FirstMissing(("ticket", body.Ticket), ("code", body.Code)) is { } missing)
                {
                    return missing;
                }

                var done = await factors.CompleteSignInAsync(body.Ticket!, body.Code!, ct).ConfigureAwait(false);
                return IssueWithCodes(http, done, useCookies == true);
            })
            .Describe<SecondFactorSessionResponse>("SignInSecondFactor", "Completes a sign-in with the ticket /signin answered with and an authenticator or recovery code (or, after /signin/second-factor/enrol, the new authenticator's first code, which answers with its recovery codes). ?useCookies=true sets the session cookie.");

        api.MapPost("/signin/second-factor/enrol", async (TicketBody body, ISecondFactorService factors, CancellationToken ct) =>
            FirstMissing(("ticket", body.Ticket)) ?? (await factors.BeginSignInEnrolmentAsync(body.Ticket!, ct).ConfigureAwait(false)).ToHttpResult(EnrolmentResponse))
            .Describe<AuthenticatorEnrolmentResponse>("SignInEnrolAuthenticator", "Within a sign-in to a team that requires a second factor, begins the enrolment of an authenticator (secret and QR code, shown once); its first code completes the sign-in.");

        api.MapGet("/me/second-factors", async (ClaimsPrincipal principal, IUserService users, CancellationToken ct) =>
                await users.FindByIdAsync(principal.UserId(), ct).ConfigureAwait(false) is { } user
                    ? TypedResults.Ok(new SecondFactorStatusResponse(user.AuthenticatorEnabled, user.RecoveryCodesLeft))
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireAuthorization()
            .Describe<SecondFactorStatusResponse>("SecondFactors", "Whether the signed-in user has an authenticator, and how many recovery codes are left.");

        api.MapPost("/me/authenticator", async (HttpContext http, ISecondFactorService factors, CancellationToken ct) =>
            {
                var (token, _) = await SessionTokenAsync(http).ConfigureAwait(false);
                return (await factors.BeginEnrolmentAsync(token, ct).ConfigureAwait(false)).ToHttpResult(EnrolmentResponse);
            })
            .RequireAuthorization()
            .Describe<AuthenticatorEnrolmentResponse>("EnrolAuthenticator", "Begins an authenticator enrolment: the secret as text and as a QR code, shown once; it counts once its first code confirms it.");

        api.MapPost("/me/authenticator/confirm", async (SecondFactorCodeBody body, HttpContext http, ISecondFactorService factors, CancellationToken ct) =>
            {
                if (FirstMissing(("code", body.Code)) is { } missing)
                {
                    return missing;
                }

                var (token, fromCookie) = await SessionTokenAsync(http).ConfigureAwait(false);
                return IssueWithCodes(http, await factors.ConfirmEnrolmentAsync(token, body.Code!, ct).ConfigureAwait(false), fromCookie);
            })
            .RequireAuthorization()
            .Describe<SecondFactorSessionResponse>("ConfirmAuthenticator", "Confirms the pending authenticator with its first code: ten recovery codes (shown once) and a session that has proven a second factor.");

        api.MapDelete("/me/authenticator", async (HttpContext http, ISecondFactorService factors, CancellationToken ct) =>
            {
                var (token, fromCookie) = await SessionTokenAsync(http).ConfigureAwait(false);
                return Issue(http, await factors.RemoveAuthenticatorAsync(token, ct).ConfigureAwait(false), fromCookie);
            })
            .RequireAuthorization()
            .Describe<SessionResponse>("RemoveAuthenticator", "Removes the authenticator and recovery codes (RecentSecondFactorRequired unless a second factor was proven within the step-up window); every session ends and a new one for this team is returned.");

        api.MapPost("/me/recovery-codes", async (HttpContext http, ISecondFactorService factors, CancellationToken ct) =>
            {
                var (token, _) = await SessionTokenAsync(http).ConfigureAwait(false);
                return (await factors.RegenerateRecoveryCodesAsync(token, ct).ConfigureAwait(false)).ToHttpResult(codes => new RecoveryCodesResponse(codes));
            })
            .RequireAuthorization()
            .Describe<RecoveryCodesResponse>("RegenerateRecoveryCodes", "Replaces the recovery codes with ten new ones, shown once (RecentSecondFactorRequired unless a second factor was proven within the step-up window).");

        api.MapPost("/step-up", async (SecondFactorCodeBody body, HttpContext http, ISecondFactorService factors, CancellationToken ct) =>
            {
                if (FirstMissing(("code", body.Code)) is { } missing)
                {
                    return missing;
                }

                var (token, fromCookie) = await SessionTokenAsync(http).ConfigureAwait(false);
                return Issue(http, await factors.StepUpAsync(token, body.Code!, ct).ConfigureAwait(false), fromCookie);
            })
            .RequireAuthorization()
            .Describe<SessionResponse>("StepUp", "Proves a second factor in this session: before a dangerous action (RecentSecondFactorRequired), or before switching into a team that requires one (SecondFactorRequired).");
    }

    /// <summary>
    /// The answer of <c>/signin</c>: the session, or, when a second factor (or its enrolment) is owed, the refusal's problem
    /// with the ticket that continues the sign-in and when it stops working.
    /// </summary>
    private static IResult SignInStepResult(HttpContext http, Result<SignInStep> step, bool cookie)
    {
        if (!step.TryGetValue(out var value))
        {
            return step.ToHttpResult();
        }

        if (value.Session is { } session)
        {
            return Issue(http, Result<TeamAccess.Accounts.Session>.Ok(session), cookie);
        }

        var problem = TeamAccessProblems.ToProblemDetails(Result.Failed(value.Next!.Value).Error!);
        problem.Extensions["ticket"] = value.Ticket;
        problem.Extensions["ticketExpiresAt"] = value.TicketExpiresAt;
        return TypedResults.Problem(problem);
    }

    /// <summary>A session that proved a second factor, with any recovery codes; into the cookie when asked.</summary>
    private static IResult IssueWithCodes(HttpContext http, Result<SecondFactorSession> done, bool cookie)
    {
        if (cookie && done.TryGetValue(out var issued))
        {
            TeamAccessSessionCookie.Append(http.Response, issued.Session, CookieName(http));
        }

        return done.ToHttpResult(s => new SecondFactorSessionResponse(SessionResponse.From(s.Session, cookie), s.RecoveryCodes));
    }

    private static AuthenticatorEnrolmentResponse EnrolmentResponse(AuthenticatorEnrolment enrolment) =>
        new(enrolment.Secret, enrolment.Uri, Convert.ToBase64String(enrolment.GetQrCodePng()));
}
