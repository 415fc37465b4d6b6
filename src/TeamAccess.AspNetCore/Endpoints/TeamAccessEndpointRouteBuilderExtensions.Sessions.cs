using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TeamAccess;
using TeamAccess.Accounts;
using TeamAccess.AspNetCore;

namespace Microsoft.AspNetCore.Routing;

/// <content>The user's list of sessions: list them, sign one out, sign out all the others.</content>
public static partial class TeamAccessEndpointRouteBuilderExtensions
{
    private static void MapUserSessions(RouteGroupBuilder api)
    {
        api.MapGet("/sessions", async (HttpContext http, ISessionService sessions, CancellationToken ct) =>
            {
                var (token, _) = await SessionTokenAsync(http).ConfigureAwait(false);
                return (await sessions.ListSessionsAsync(token, ct).ConfigureAwait(false)).ToHttpResult(list => list.Select(UserSessionResponse.From).ToArray());
            })
            .RequireAuthorization()
            .Describe<UserSessionResponse[]>("ListSessions", "The user's valid sessions, latest sign-in first: device (from the user agent), IP address at sign-in, sign-in time, last seen (recorded in batches, up to a flush interval behind), methods (amr); the session asking is marked current.");

        api.MapDelete("/sessions/{sessionId:guid}", async (Guid sessionId, HttpContext http, ISessionService sessions, CancellationToken ct) =>
            {
                var (token, fromCookie) = await SessionTokenAsync(http).ConfigureAwait(false);
                var current = (await sessions.ValidateAsync(token, http.User.TeamId(), ct).ConfigureAwait(false)).Value?.SessionId == sessionId;
                var result = await sessions.SignOutSessionAsync(token, sessionId, ct).ConfigureAwait(false);
                if (result.Succeeded && current && fromCookie)
                {
                    TeamAccessSessionCookie.Delete(http.Response, CookieName(http));
                }

                return result.ToHttpResult();
            })
            .RequireAuthorization()
            .Describe("SignOutSession", "Signs out one of the user's own sessions (this one included); NotFound for a session that is not one of the user's valid sessions. Every instance refuses it within the change feed's staleness bound.");

        api.MapPost("/sessions/sign-out-others", async (HttpContext http, ISessionService sessions, CancellationToken ct) =>
            {
                var (token, _) = await SessionTokenAsync(http).ConfigureAwait(false);
                return (await sessions.SignOutOtherSessionsAsync(token, ct).ConfigureAwait(false)).ToHttpResult(count => new SignedOutResponse(count));
            })
            .RequireAuthorization()
            .Describe<SignedOutResponse>("SignOutOtherSessions", "Signs out every valid session of the user except this one; answers how many ended.");
    }
}
