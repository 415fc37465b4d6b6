using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Net.Http.Headers;
using TeamAccess.Accounts;
using TeamAccess.ServiceAccounts;

namespace TeamAccess.AspNetCore;

/// <summary>
/// Authenticates a request by its TeamAccess session token (bearer header, else cookie): validates it with
/// <see cref="ISessionService.ValidateAsync"/> against the session's own team, and builds a principal with the user,
/// team, membership, role and provider claims. A valid session whose request carries a consistency token of its own team
/// is then brought up to it.
/// </summary>
internal sealed class TeamAccessAuthenticationHandler(
    IOptionsMonitor<TeamAccessAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAccessChecker access)
    : AuthenticationHandler<TeamAccessAuthenticationOptions>(options, logger, encoder)
{
    internal const string FailureCodeItem = "TeamAccess:FailureCode";
    internal const string ForbiddenCodeItem = "TeamAccess:ForbiddenCode";
    internal const string AntiforgeryFailedItem = "TeamAccess:AntiforgeryFailed";
    internal const string SessionTokenName = "access_token";
    internal const string FromCookieItem = "teamaccess.cookie";
    private const string ApiKeyPrefix = "ta_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(out var fromCookie);
        if (token is null)
        {
            return Options.ReadApiKeyHeader && Request.Headers[TeamAccessHeaders.ApiKey].ToString() is { Length: > 0 } headerKey
                ? AuthenticateKey(headerKey.Trim())
                : AuthenticateResult.NoResult();
        }

        if (!fromCookie && Options.AcceptApiKeys && token.StartsWith(ApiKeyPrefix, StringComparison.Ordinal))
        {
            return AuthenticateKey(token);
        }

        // A session is bound to one team: it is validated for the team it names (the signature then proves that name),
        // and the authorization handler refuses any route that names another team.
        if (!TryReadTeam(token, out var team))
        {
            Context.Items[FailureCodeItem] = TeamAccessErrorCode.InvalidToken;
            return AuthenticateResult.Fail(nameof(TeamAccessErrorCode.InvalidToken));
        }

        var sessions = Context.RequestServices.GetRequiredService<ISessionService>();
        var validated = await sessions.ValidateAsync(token, team, Context.RequestAborted).ConfigureAwait(false);

        // A consistency token costs a wait (at most ChangeFeed.ConsistencyWait) and a store read, so it is honoured only
        // for a valid session and only for that session's own team: an anonymous or forged header costs nothing. The
        // session is then judged again on the fresher index (the write being waited for may have ended it).
        if (validated.Succeeded
            && ConsistencyToken.TryParse(Request.Headers[TeamAccessHeaders.ConsistencyToken].ToString(), out var consistency)
            && consistency.TeamId == team
            && await access.CatchUpAsync(consistency, Context.RequestAborted).ConfigureAwait(false))
        {
            validated = await sessions.ValidateAsync(token, team, Context.RequestAborted).ConfigureAwait(false);
        }

        if (!validated.TryGetValue(out var session))
        {
            Context.Items[FailureCodeItem] = validated.Code;

            // Why the session ended (its role changed, it was signed out elsewhere...), for the page that asks to sign in again.
            AuthenticationProperties? why = null;
            if (validated.Error!.Details is [var reason])
            {
                why = new AuthenticationProperties();
                why.Items[TeamAccessAuthenticationDefaults.SessionEndReasonItem] = reason;
            }

            return AuthenticateResult.Fail(validated.Code.ToString(), why);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, session.UserId.ToString()),
                new Claim(TeamAccessClaimTypes.UserId, session.UserId.ToString()),
                new Claim(TeamAccessClaimTypes.TeamId, session.TeamId.ToString()),
                new Claim(TeamAccessClaimTypes.MembershipId, session.MembershipId.ToString()),
                new Claim(TeamAccessClaimTypes.Role, session.Role),
                new Claim(ClaimTypes.Role, session.Role),
                new Claim(TeamAccessClaimTypes.Provider, session.Provider),
                new Claim(TeamAccessClaimTypes.PrincipalKind, TeamAccessPrincipalKinds.Person),
            ],
            Scheme.Name,
            ClaimTypes.NameIdentifier,
            ClaimTypes.Role);
        var principal = new ClaimsPrincipal(identity);

        // A browser sends the cookie with any request, a forged one too: an unsafe method authenticated by the cookie
        // must also prove, with the antiforgery token, that the host's own page sent it. A bearer header proves that itself.
        // The token is bound to the user it was issued to, so it is checked against this session's principal.
        if (fromCookie && Options.ValidateAntiforgery && !IsSafe(Request.Method))
        {
            var anonymous = Context.User;
            Context.User = principal;
            var valid = await Context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(Context).ConfigureAwait(false);
            Context.User = anonymous;
            if (!valid)
            {
                Context.Items[AntiforgeryFailedItem] = true;
                return AuthenticateResult.Fail("The antiforgery token is missing or invalid.");
            }
        }

        // The endpoints that act on the session itself (sign out, switch, change password) read its token back from here.
        var properties = new AuthenticationProperties();
        properties.StoreTokens([new AuthenticationToken { Name = SessionTokenName, Value = token }]);
        if (fromCookie)
        {
            properties.Items[FromCookieItem] = "true";
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, properties, Scheme.Name));
    }

    /// <summary>
    /// A service account's API key (or a member's personal key, whose principal is the person): validated from the index
    /// (no store read), and a principal that names the account as its user, the key's team, and the key's narrowing, if any
    /// (a personal key always lists what it may use). A key carries no session token, so the endpoints that
    /// act on a session (sign out, switch team, change password) refuse it. The request's <see cref="ActingCredential"/>
    /// names the key, so the audit records it beside the account.
    /// </summary>
    private AuthenticateResult AuthenticateKey(string key)
    {
        var validated = Context.RequestServices.GetRequiredService<IApiKeyValidator>().Validate(key);
        if (!validated.TryGetValue(out var principal))
        {
            Context.Items[FailureCodeItem] = validated.Code;
            return AuthenticateResult.Fail(validated.Code.ToString());
        }

        List<Claim> claims =
        [
            new Claim(ClaimTypes.NameIdentifier, principal.PrincipalId.ToString()),
            new Claim(TeamAccessClaimTypes.UserId, principal.PrincipalId.ToString()),
            new Claim(TeamAccessClaimTypes.TeamId, principal.TeamId.ToString()),
            new Claim(TeamAccessClaimTypes.MembershipId, principal.ServiceAccountId.ToString()),
            new Claim(TeamAccessClaimTypes.PrincipalKind, principal.IsPersonal ? TeamAccessPrincipalKinds.Person : TeamAccessPrincipalKinds.ServiceAccount),
            new Claim(TeamAccessClaimTypes.ApiKeyId, principal.KeyId.ToString()),
        ];
        claims.AddRange(principal.Permissions.Select(p => new Claim(TeamAccessClaimTypes.KeyPermission, p)));

        // The request's writes are audited as the account acting through this key.
        Context.RequestServices.GetRequiredService<ActingCredential>().ApiKeyId = principal.KeyId;
        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.NameIdentifier, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>
    /// A request the scheme did not authenticate: 401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750: with
    /// <c>error="invalid_token"</c> and a description when a token was sent and refused, bare when none was sent) and a
    /// problem whose <c>code</c> says why: <c>SignInRequired</c> (no token), <c>InvalidToken</c>, <c>SessionExpired</c>,
    /// <c>SessionRevoked</c>, or whatever else the session's validation answered. An instance that cannot vouch for
    /// sessions (<c>IndexStale</c>) answers 503 instead.
    /// </summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(AntiforgeryFailedItem))
        {
            return TeamAccessProblems.AntiforgeryFailed().ExecuteAsync(Context);
        }

        if (Context.Items[FailureCodeItem] is not TeamAccessErrorCode code)
        {
            Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer");
            return WriteRefusalAsync(TeamAccessErrorCode.SignInRequired, StatusCodes.Status401Unauthorized, "This request needs a session: sign in and send its token (Authorization: Bearer) or its cookie.");
        }

        var detail = code switch
        {
            TeamAccessErrorCode.InvalidToken => "The session token is not valid.",
            TeamAccessErrorCode.SessionExpired => "The session has expired; sign in again.",
            TeamAccessErrorCode.SessionRevoked => "The session was signed out or revoked; sign in again.",
            TeamAccessErrorCode.InvalidApiKey => "The API key is not valid.",
            TeamAccessErrorCode.ApiKeyExpired => "The API key has expired; rotate it or create a new one.",
            TeamAccessErrorCode.ApiKeyRevoked => "The API key was revoked, or its service account deleted.",
            _ => Result.Failed(code).Error!.Message,
        };
        if (code == TeamAccessErrorCode.IndexStale)
        {
            return WriteRefusalAsync(code, StatusCodes.Status503ServiceUnavailable, detail);
        }

        Response.Headers.Append(HeaderNames.WWWAuthenticate, BearerError("invalid_token", detail));
        return WriteRefusalAsync(code, StatusCodes.Status401Unauthorized, detail);
    }

    /// <summary>
    /// A signed-in request a policy refused: 403 with <c>WWW-Authenticate: Bearer error="insufficient_scope"</c> and a
    /// problem whose <c>code</c> is <c>WrongTeam</c> (the route names another team than the session's) or
    /// <c>PermissionDenied</c>.
    /// </summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var code = Context.Items[ForbiddenCodeItem] is TeamAccessErrorCode recorded ? recorded : TeamAccessErrorCode.PermissionDenied;
        var detail = code == TeamAccessErrorCode.WrongTeam
            ? "The route names another team than the session's; switch team first."
            : "The session's member lacks the permission this request needs.";
        Response.Headers.Append(HeaderNames.WWWAuthenticate, BearerError("insufficient_scope", detail));
        return WriteRefusalAsync(code, StatusCodes.Status403Forbidden, detail);
    }

    /// <summary>An RFC 6750 challenge with an error code and its description (a quoted string: no quote or backslash).</summary>
    private static string BearerError(string error, string description) =>
        $"Bearer error=\"{error}\", error_description=\"{description.Replace("\\", "", StringComparison.Ordinal).Replace("\"", "'", StringComparison.Ordinal)}\"";

    /// <summary>
    /// Writes the refusal's problem (application/problem+json), unless the request asks for HTML only (a browser's page
    /// navigation): that keeps the status with an empty body, so the host's status-code pages still show their own page.
    /// </summary>
    private Task WriteRefusalAsync(TeamAccessErrorCode code, int status, string detail)
    {
        var accept = Request.Headers.Accept.ToString();
        if (accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) && !accept.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            Response.StatusCode = status;
            return Task.CompletedTask;
        }

        var problem = TeamAccessProblems.ToProblemDetails(new TeamAccessError(code, detail));
        problem.Status = status;
        return TypedResults.Problem(problem).ExecuteAsync(Context);
    }

    private static bool TryReadTeam(string token, out TeamId team)
    {
        team = default;
        try
        {
            var jwt = new JsonWebToken(token);
            if (jwt.TryGetPayloadValue<string>("tid", out var claimed) && Guid.TryParse(claimed, out var id))
            {
                team = new TeamId(id);
                return true;
            }
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or System.Text.Json.JsonException)
        {
            // Not a token this scheme can read; ValidateAsync would refuse it too.
        }

        return false;
    }

    private string? ReadToken(out bool fromCookie)
    {
        fromCookie = false;
        if (Options.ReadBearerHeader)
        {
            var header = Request.Headers.Authorization.ToString();
            if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                var token = header["Bearer ".Length..].Trim();
                return token.Length == 0 ? null : token;
            }
        }

        if (Options.CookieName is { } cookie && Request.Cookies.TryGetValue(cookie, out var value) && !string.IsNullOrEmpty(value))
        {
            fromCookie = true;
            return value;
        }

        return null;
    }
}
