using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamAccess;
using TeamAccess.Accounts;
using TeamAccess.AspNetCore;
using TeamAccess.Audit;
using TeamAccess.Grants;
using TeamAccess.Groups;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.Teams;

namespace Microsoft.AspNetCore.Routing;

/// <summary>The account endpoints of a team portal, in the manner of <c>MapIdentityApi</c>.</summary>
public static partial class TeamAccessEndpointRouteBuilderExtensions
{
    private const string Tag = "TeamAccess";

    /// <summary>
    /// Maps the account endpoints of a team portal under <paramref name="endpoints"/> (use <c>app.MapGroup("/account")</c>
    /// for a prefix). Anonymous: <c>POST /signup</c>, <c>/confirm-email</c>, <c>/confirm-email/resend</c>, <c>/signin</c>
    /// (email, password and team handle, or an identity provider's token; <c>?useCookies=true</c> puts the session in the
    /// cookie), <c>/password-reset</c>, <c>/password-reset/confirm</c>, <c>/invitations/peek</c>, <c>/invitations/accept-new</c>,
    /// <c>/invitations/decline</c>; <c>GET /sign-in-options/{teamHandle}</c> and <c>/antiforgery</c>. Signed in:
    /// <c>GET /me</c>, <c>PUT /me/names</c>, <c>GET /teams</c>, <c>POST /switch-team</c>, <c>/signout</c>,
    /// <c>/signout/everywhere</c>, <c>/password</c>, <c>/leave</c>, <c>/invitations/accept</c>. Second factors: anonymous
    /// <c>POST /signin/second-factor</c> and <c>/signin/second-factor/enrol</c> (with the ticket <c>/signin</c> answered
    /// with); signed in <c>GET /me/second-factors</c>, <c>POST /me/authenticator</c>, <c>/me/authenticator/confirm</c>,
    /// <c>DELETE /me/authenticator</c>, <c>POST /me/recovery-codes</c> and <c>/step-up</c>; offering and accepting
    /// ownership need a second factor within the step-up window. In the session's team,
    /// each with its permission: <c>/teams/{teamId}/members</c> (paged; edit names and role, deactivate, reactivate, remove),
    /// <c>/teams/{teamId}/invitations</c> (invite a pasted list, list, resend, revoke), <c>/teams/{teamId}/groups</c>,
    /// <c>/teams/{teamId}/grants</c>, <c>/teams/{teamId}/audit</c> (paged) and <c>/teams/{teamId}/roles</c> (the team's own
    /// roles: list, create, <c>PUT</c> and <c>DELETE /roles/{name}</c>), <c>/teams/{teamId}/service-accounts</c> (list, create,
    /// <c>PATCH</c>, <c>DELETE</c>, and their <c>/keys</c>: list, create) and <c>/teams/{teamId}/api-keys/{keyId}</c>
    /// (<c>/rotate</c>, <c>DELETE</c> to revoke). In the session's team, decided by the service:
    /// <c>/teams/{teamId}/ownership-offer</c> (get, offer, <c>/accept</c>, <c>/decline</c>, <c>DELETE</c> to withdraw),
    /// <c>GET /teams/{teamId}/permissions</c> (a user's effective permissions), <c>/holders</c> (who holds a permission, and
    /// how) and <c>/resources</c> (what grants reach), the last two paged with a cursor that says whether more follow.
    /// The team is always the session's: a <c>teamId</c> naming another team answers 403 before any store read. Refusals are problem details (<see cref="TeamAccessProblems"/>); every endpoint is described
    /// for OpenAPI (tag <c>TeamAccess</c>).
    /// </summary>
    /// <param name="endpoints">Where to map them.</param>
    /// <returns>A builder for conventions on every endpoint mapped.</returns>
    public static IEndpointConventionBuilder MapTeamAccessApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup(string.Empty).WithTags(Tag);
        MapAccount(api);
        MapSession(api);
        MapUserSessions(api);
        MapSecondFactors(api);
        MapPasskeys(api);
        MapInvitee(api);
        var team = api.MapGroup("/teams/{teamId}");
        MapMembers(team);
        MapInvitations(team);
        MapGroups(team);
        MapGrants(team);
        MapAudit(team);
        MapTeamRoles(team);
        MapServiceAccounts(team);
        MapPersonalKeys(team);
        MapTeamSso(team);
        MapOwnership(team);
        MapAccessQueries(team);

        // Runs after the request delegate of each endpoint is built, so it also sees the framework's own refusals of input
        // it could not bind (a malformed JSON body), which never reach a handler or filter.
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            if (endpoint.RequestDelegate is { } inner)
            {
                var takesBody = endpoint.Metadata.OfType<IAcceptsMetadata>().Any();
                endpoint.RequestDelegate = http => UnreadableAsProblemAsync(http, inner, takesBody);
            }
        });
        return api;
    }

    /// <summary>
    /// Runs the endpoint, and turns the framework's bare 400 for a request it could not bind (a body that is not JSON of
    /// the route's shape; a query value of the wrong type) into a problem: <c>MalformedBody</c> on a route that takes a
    /// body, <c>InvalidParameter</c> elsewhere. The framework throws <see cref="BadHttpRequestException"/> instead when
    /// <c>RouteHandlerOptions.ThrowOnBadRequest</c> is on (Development), with the same answer.
    /// </summary>
    private static async Task UnreadableAsProblemAsync(HttpContext http, RequestDelegate inner, bool takesBody)
    {
        try
        {
            await inner(http).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (!http.Response.HasStarted && exception.StatusCode == StatusCodes.Status400BadRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        if (http.Response.StatusCode == StatusCodes.Status400BadRequest && !http.Response.HasStarted && http.Response.ContentType is null)
        {
            var refusal = takesBody
                ? TeamAccessProblems.BadRequest("MalformedBody", "malformed-body", "The request could not be read: the body must be a JSON object of this route's shape (a field of the wrong type, a malformed id or name, or no body at all is refused).")
                : TeamAccessProblems.BadRequest("InvalidParameter", "invalid-parameter", "A query or route value has the wrong type.");
            await refusal.ExecuteAsync(http).ConfigureAwait(false);
        }
    }

    private static void MapAccount(RouteGroupBuilder api)
    {
        // The same answer (204, no ids, no consistency token) whether or not the address has an account: the owner of a
        // taken one is mailed instead (security review 3, L3).
        api.MapPost("/signup", async (SignUpBody body, IUserService users, CancellationToken ct) =>
            FirstMissing(("email", body.Email), ("password", body.Password), ("firstName", body.FirstName), ("lastName", body.LastName), ("teamName", body.TeamName), ("teamHandle", body.TeamHandle)) ??
            (await users.RequestSignUpAsync(new SignUpRequest(body.Email!, body.FirstName!, body.LastName!, body.TeamName!, body.TeamHandle!) { Password = body.Password! }, ct).ConfigureAwait(false)).ToHttpResult())
            .AddEndpointFilter<ClientMailBudget>()
            .Describe("SignUp", "Starts a sign-up: a fresh address gets its account, team and activation message; a taken one gets a note to its owner. The answer is the same either way.");

        api.MapPost("/confirm-email", async (TokenBody body, IUserService users, CancellationToken ct) =>
            FirstMissing(("token", body.Token)) ?? (await users.ConfirmEmailAsync(body.Token!, ct).ConfigureAwait(false)).ToHttpResult(_ => new { Confirmed = true }))
            .Describe<object>("ConfirmEmail", "Confirms the address with the activation link's token.");

        api.MapPost("/confirm-email/resend", async (EmailBody body, IUserService users, CancellationToken ct) =>
            FirstMissing(("email", body.Email)) ?? (await users.ResendEmailConfirmationAsync(body.Email!, ct).ConfigureAwait(false)).ToHttpResult())
            .AddEndpointFilter<ClientMailBudget>()
            .Describe("ResendEmailConfirmation", "Sends a new activation message (the same answer whether or not the address has an account).");

        api.MapPost("/password-reset", async (EmailBody body, IUserService users, CancellationToken ct) =>
            FirstMissing(("email", body.Email)) ?? (await users.RequestPasswordResetAsync(body.Email!, ct).ConfigureAwait(false)).ToHttpResult())
            .AddEndpointFilter<ClientMailBudget>()
            .Describe("RequestPasswordReset", "Sends a password-reset message (the same answer whether or not the address has an account).");

        api.MapPost("/password-reset/confirm", async (ResetPasswordBody body, IUserService users, CancellationToken ct) =>
            FirstMissing(("token", body.Token), ("newPassword", body.NewPassword)) ?? (await users.ResetPasswordAsync(body.Token!, body.NewPassword!, ct).ConfigureAwait(false)).ToHttpResult())
            .Describe("ResetPassword", "Sets a new password with the reset message's token; every session of the user ends.");

        api.MapGet("/sign-in-options/{teamHandle}", async (string teamHandle, ITeamService teams, CancellationToken ct) =>
            await teams.FindByHandleAsync(teamHandle.Trim().ToLowerInvariant(), ct).ConfigureAwait(false) is { } team
                ? TypedResults.Ok(new SignInOptionsResponse(team.Handle, team.Name, team.SignInPolicy.RequiresSso, team.SignInPolicy.SsoProvider))
                : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .Describe<SignInOptionsResponse>("SignInOptions", "How a team signs its members in (\"log in with team SSO\"): whether it requires its provider, and which.");

        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                return TypedResults.Ok(new AntiforgeryResponse(tokens.RequestToken, tokens.HeaderName));
            })
            .Describe<AntiforgeryResponse>("Antiforgery", "The antiforgery token a cookie-authenticated client sends on unsafe methods (also sets its cookie).");
    }

    private static void MapSession(RouteGroupBuilder api)
    {
        api.MapPost("/signin", async (SignInBody body, bool? useCookies, HttpContext http, ISecondFactorService sessions, CancellationToken ct) =>
            {
                var byToken = body.Provider is { Length: > 0 };
                if ((byToken ? FirstMissing(("token", body.Token)) : FirstMissing(("email", body.Email), ("password", body.Password))) is { } missing)
                {
                    return missing;
                }

                if (body.TeamHandle is null && body.TeamId is null)
                {
                    return Missing("teamHandle", "teamHandle (or teamId) is required.");
                }

                var credential = byToken
                    ? SignInCredential.ForToken(body.Provider!, body.Token!, await SignInNonce.TakeAsync(http).ConfigureAwait(false))
                    : SignInCredential.ForPassword(body.Email!, body.Password!);
                var id = Guid.Empty;
                if (body.TeamHandle is null && !TryReadId(body.TeamId, "teamId", out id, out var refusal))
                {
                    return refusal;
                }

                var step = body.TeamHandle is null
                    ? await sessions.SignInAsync(credential, new TeamId(id), ct).ConfigureAwait(false)
                    : await sessions.SignInAsync(credential, body.TeamHandle, ct).ConfigureAwait(false);
                return SignInStepResult(http, step, useCookies == true);
            })
            .Describe<SessionResponse>("SignIn", "Signs in to one team by its handle: email and password, or an identity provider's token. ?useCookies=true sets the session cookie instead of returning the token. When a second factor is owed the answer is a SecondFactorRequired (401) or SecondFactorEnrolmentRequired (403) problem whose ticket /signin/second-factor completes.");

        api.MapPost("/signin/nonce", (HttpContext http) => TypedResults.Ok(new SignInNonceResponse(SignInNonce.Issue(http))))
            .Describe<SignInNonceResponse>("SignInNonce", "Starts a sign-in through an identity provider whose id_token comes back through the browser: returns the nonce to send to the provider and remembers it in an HttpOnly cookie, which /signin uses once.");

        api.MapPost("/switch-team", async (SwitchTeamBody body, HttpContext http, ISessionService sessions, CancellationToken ct) =>
            {
                if (!TryReadId(body.TeamId, "teamId", out var teamId, out var refusal))
                {
                    return refusal;
                }

                var (token, fromCookie) = await SessionTokenAsync(http).ConfigureAwait(false);
                return Issue(http, await sessions.SwitchTeamAsync(token, new TeamId(teamId), ct).ConfigureAwait(false), fromCookie);
            })
            .RequireAuthorization()
            .Describe<SessionResponse>("SwitchTeam", "Switches the session to another team of the user; ReauthenticationRequired when that team does not accept the session's provider.");

        api.MapPost("/password", async (ChangePasswordBody body, HttpContext http, ISessionService sessions, CancellationToken ct) =>
            {
                if (FirstMissing(("currentPassword", body.CurrentPassword), ("newPassword", body.NewPassword)) is { } missing)
                {
                    return missing;
                }

                var (token, fromCookie) = await SessionTokenAsync(http).ConfigureAwait(false);
                return Issue(http, await sessions.ChangePasswordAsync(token, body.CurrentPassword!, body.NewPassword!, ct).ConfigureAwait(false), fromCookie);
            })
            .RequireAuthorization()
            .Describe<SessionResponse>("ChangePassword", "Changes the password; every session ends and a new one for this team is returned.");

        api.MapPost("/signout", async (bool? everywhere, HttpContext http, ISessionService sessions, CancellationToken ct) =>
            {
                var (token, fromCookie) = await SessionTokenAsync(http).ConfigureAwait(false);
                var result = everywhere == true
                    ? await sessions.SignOutEverywhereAsync(token, ct).ConfigureAwait(false)
                    : await sessions.SignOutAsync(token, ct).ConfigureAwait(false);
                if (result.Succeeded && fromCookie)
                {
                    TeamAccessSessionCookie.Delete(http.Response, CookieName(http));
                }

                return result.ToHttpResult();
            })
            .RequireAuthorization()
            .Describe("SignOut", "Signs this session out (?everywhere=true: every session of the user).");

        api.MapGet("/me", async (ClaimsPrincipal principal, IUserService users, CancellationToken ct) =>
            {
                var user = await users.FindByIdAsync(principal.UserId(), ct).ConfigureAwait(false);
                return user is null
                    ? Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult()
                    : TypedResults.Ok(new MeResponse(user.Id.Value, user.Email, user.FirstName, user.LastName, user.EmailConfirmed, principal.TeamId().Value,
                        Guid.Parse(principal.FindFirstValue(TeamAccessClaimTypes.MembershipId)!), principal.FindFirstValue(TeamAccessClaimTypes.Role)!, principal.FindFirstValue(TeamAccessClaimTypes.Provider)!));
            })
            .RequireAuthorization()
            .Describe<MeResponse>("Me", "The signed-in user and the session's team, membership and role.");

        api.MapPut("/me/names", async (NamesBody body, ClaimsPrincipal principal, IUserService users, CancellationToken ct) =>
            FirstMissing(("firstName", body.FirstName), ("lastName", body.LastName)) ??
            (await users.UpdateNameAsync(principal.UserId(), principal.UserId(), body.FirstName!, body.LastName!, ct).ConfigureAwait(false))
                .ToHttpResult(u => new { u.FirstName, u.LastName }))
            .RequireAuthorization()
            .Describe<object>("UpdateOwnNames", "Changes the signed-in user's first and last names.");

        api.MapGet("/teams", async (HttpContext http, ISessionService sessions, CancellationToken ct) =>
            {
                var (token, _) = await SessionTokenAsync(http).ConfigureAwait(false);
                return (await sessions.ListSwitchableTeamsAsync(token, ct).ConfigureAwait(false))
                    .ToHttpResult(teams => teams.Select(t => new TeamResponse(t.TeamId.Value, t.Name, t.Handle, t.Role, t.RequiresReauthentication)).ToArray());
            })
            .RequireAuthorization()
            .Describe<TeamResponse[]>("Teams", "The teams the user can switch to, saying which need a new sign-in.");

        api.MapPost("/leave", async (ClaimsPrincipal principal, IMemberService members, CancellationToken ct) =>
            (await members.LeaveAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(MemberResponse.From))
            .RequireAuthorization()
            .Describe<MemberResponse>("Leave", "Leaves the session's team (the last guardian cannot).");
    }

    private static void MapInvitee(RouteGroupBuilder api)
    {
        api.MapPost("/invitations/peek", async (InvitationKeyBody body, IInvitationService invitations, CancellationToken ct) =>
            MissingKey(body) ?? (await invitations.PeekAsync(body.ToKey(), ct).ConfigureAwait(false))
                .ToHttpResult(p => new InvitationPreviewResponse(p.TeamId.Value, p.TeamName, p.TeamHandle, p.Email, p.Role, p.Status, p.ExpiresAt, p.RequiresSso)))
            .Describe<InvitationPreviewResponse>("PeekInvitation", "What an invitation offers, by its link's token or by team handle, address and code; looking never consumes it.");

        api.MapPost("/invitations/accept-new", async (AcceptWithNewAccountBody body, IInvitationService invitations, CancellationToken ct) =>
            MissingKey(new InvitationKeyBody(body.Token, body.TeamHandle, body.Email, body.Code)) ?? FirstMissing(("firstName", body.FirstName), ("lastName", body.LastName)) ??
            (await invitations.AcceptWithNewAccountAsync(body.ToKey(), new NewAccount(body.FirstName!, body.LastName!, body.Password), ct).ConfigureAwait(false))
                .ToHttpResult(a => new AcceptedResponse(a.User.Id.Value, a.Membership.Id.Value, a.Membership.TeamId.Value, a.Membership.Role)))
            .Describe<AcceptedResponse>("AcceptInvitationWithNewAccount", "Accepts an invitation by creating the account (names and a password meeting the policy).");

        api.MapPost("/invitations/accept", async (InvitationKeyBody body, ClaimsPrincipal principal, IInvitationService invitations, CancellationToken ct) =>
            MissingKey(body) ?? (await invitations.AcceptAsync(principal.UserId(), body.ToKey(), null, ct).ConfigureAwait(false)).ToHttpResult(MemberResponse.From))
            .RequireAuthorization()
            .Describe<MemberResponse>("AcceptInvitation", "Accepts an invitation as the signed-in user whose address was invited.");

        api.MapPost("/invitations/decline", async (InvitationKeyBody body, IInvitationService invitations, CancellationToken ct) =>
            MissingKey(body) ?? (await invitations.DeclineAsync(body.ToKey(), ct).ConfigureAwait(false)).ToHttpResult())
            .Describe("DeclineInvitation", "Declines an invitation.");
    }

    private static void MapMembers(RouteGroupBuilder team)
    {
        team.MapGet("/members", async (string? status, string? role, string? email, int? pageSize, string? after, ClaimsPrincipal principal, IMemberService members, CancellationToken ct) =>
            {
                MembershipStatus? only = null;
                if (!string.IsNullOrEmpty(status))
                {
                    if (!Enum.TryParse<MembershipStatus>(status, ignoreCase: true, out var parsed) || parsed.IsTerminal() || !Enum.IsDefined(parsed))
                    {
                        return TeamAccessProblems.BadRequest("InvalidStatus", "invalid-status", "status is Invited, Active or Inactive.");
                    }

                    only = parsed;
                }

                MemberPageKey? from = null;
                if (!string.IsNullOrEmpty(after))
                {
                    if (!TryReadCursor(after, out var key))
                    {
                        return Result.Failed(TeamAccessErrorCode.InvalidToken, "after is the next cursor of a previous page.").ToHttpResult();
                    }

                    from = key;
                }

                var query = new MemberQuery { Status = only, Role = role, EmailPrefix = email, PageSize = pageSize ?? MemberQuery.DefaultPageSize, After = from };
                return (await members.ListPageAsync(principal.UserId(), principal.TeamId(), query, ct).ConfigureAwait(false))
                    .ToHttpResult(page => new MemberPageResponse([.. page.Members.Select(MemberResponse.From)], page.TotalCount, page.Next is { } next ? WriteCursor(next) : null));
            })
            .RequireTeamPermission(Permissions.MembersRead)
            .Describe<MemberPageResponse>("Members", "One page of the team's members, ordered by email; filters: status, role, email prefix. Continue with ?after=<next>.");

        team.MapPatch("/members/{membershipId}", async (string membershipId, EditMemberBody body, ClaimsPrincipal principal, IMemberService members, IUserService users, CancellationToken ct) =>
            {
                if (!Guid.TryParse(membershipId, out var id))
                {
                    return Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult();
                }

                // The names are a pair: one without the other would blank it.
                if ((body.FirstName is null) != (body.LastName is null))
                {
                    return body.FirstName is null ? Missing("firstName", "firstName is required with lastName.") : Missing("lastName", "lastName is required with firstName.");
                }

                // Two writes, names first: a refused role change leaves the new names, and the answer says what refused.
                Result<MemberView>? named = null;
                if (body.FirstName is not null || body.LastName is not null)
                {
                    named = await members.UpdateNamesAsync(principal.UserId(), principal.TeamId(), new MembershipId(id), body.FirstName!, body.LastName!, ct).ConfigureAwait(false);
                    if (!named.Succeeded)
                    {
                        return named.ToHttpResult();
                    }
                }

                if (body.Role is not null)
                {
                    var changed = await members.ChangeRoleAsync(principal.UserId(), principal.TeamId(), new MembershipId(id), body.Role, ct).ConfigureAwait(false);
                    if (named?.Value is null && changed.TryGetValue(out var kept) && kept.UserId is { } user)
                    {
                        // Only the role changed: the answer carries the names the member kept.
                        var found = await users.FindByIdAsync(user, ct).ConfigureAwait(false);
                        return changed.ToHttpResult(m => MemberResponse.From(m, found));
                    }

                    return changed.ToHttpResult(m => named?.Value is { } view ? MemberResponse.From(view, m) : MemberResponse.From(m));
                }

                return named is null ? Result.Failed(TeamAccessErrorCode.NoChange).ToHttpResult() : named.ToHttpResult(MemberResponse.From);
            })
            .RequireTeamPermission(Permissions.MembersManage)
            .Describe<MemberResponse>("EditMember", "Edits a member's first and last names and role in one call (the Edit User page); the email never changes.");

        MapMemberVerb(team, "/members/{membershipId}/deactivate", "DeactivateMember", "Deactivates an Active member.", (m, a, t, id, ct) => m.DeactivateAsync(a, t, id, ct));
        MapMemberVerb(team, "/members/{membershipId}/reactivate", "ReactivateMember", "Reactivates an Inactive member.", (m, a, t, id, ct) => m.ReactivateAsync(a, t, id, ct));
        MapMemberVerb(team, "/members/{membershipId}/sign-out", "SignOutMember", "Signs a member out of this team: every session of theirs in this team ends (not in their other teams). Never a member ranked above the actor (RoleRankTooHigh); an invitation has no session (InvalidTransition).", (m, a, t, id, ct) => m.SignOutAsync(a, t, id, ct));

        team.MapDelete("/members/{membershipId}", (string membershipId, ClaimsPrincipal principal, IMemberService members, CancellationToken ct) =>
                OnMembership(membershipId, id => members.RemoveAsync(principal.UserId(), principal.TeamId(), id, ct)))
            .RequireTeamPermission(Permissions.MembersManage)
            .Describe<MemberResponse>("RemoveMember", "Removes a member (on an Invited row: revokes the invitation). The last guardian is refused.");
    }

    private static void MapMemberVerb(
        RouteGroupBuilder team,
        string pattern,
        string name,
        string summary,
        Func<IMemberService, UserId, TeamId, MembershipId, CancellationToken, ValueTask<Result<Membership>>> verb) =>
        team.MapPost(pattern, (string membershipId, ClaimsPrincipal principal, IMemberService members, CancellationToken ct) =>
                OnMembership(membershipId, id => verb(members, principal.UserId(), principal.TeamId(), id, ct)))
            .RequireTeamPermission(Permissions.MembersManage)
            .Describe<MemberResponse>(name, summary);

    private static async Task<IResult> OnMembership(string membershipId, Func<MembershipId, ValueTask<Result<Membership>>> verb) =>
        Guid.TryParse(membershipId, out var id)
            ? (await verb(new MembershipId(id)).ConfigureAwait(false)).ToHttpResult(MemberResponse.From)
            : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult();

    private static void MapInvitations(RouteGroupBuilder team)
    {
        team.MapPost("/invitations", async (InviteBody body, ClaimsPrincipal principal, IInvitationService invitations, CancellationToken ct) =>
            FirstMissing(("addresses", body.Addresses), ("role", body.Role)) ??
            (await invitations.InviteAsync(principal.UserId(), principal.TeamId(), InviteRequest.FromText(body.Addresses!, body.Role!), ct).ConfigureAwait(false))
                .ToHttpResult(batch => batch.Outcomes.Select(o => new InviteOutcomeResponse(o.Address, o.Kind, o.Code == TeamAccessErrorCode.None ? null : o.Code.ToString(), o.Email, o.MembershipId?.Value, o.ExpiresAt, o.Delivered)).ToArray()))
            .RequireTeamPermission(Permissions.MembersInvite)
            .Describe<InviteOutcomeResponse[]>("Invite", "Invites pasted addresses (separated by white space, commas or semicolons) into a role; one outcome per address.");

        team.MapGet("/invitations", async (ClaimsPrincipal principal, IInvitationService invitations, CancellationToken ct) =>
            (await invitations.ListAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(rows => rows.Select(InvitationResponse.From).ToArray()))
            .RequireTeamPermission(Permissions.MembersRead)
            .Describe<InvitationResponse[]>("Invitations", "The team's invitations, newest first; never a token or code.");

        team.MapPost("/invitations/{membershipId}/resend", async (string membershipId, ClaimsPrincipal principal, IInvitationService invitations, CancellationToken ct) =>
                Guid.TryParse(membershipId, out var id)
                    ? (await invitations.ResendAsync(principal.UserId(), principal.TeamId(), new MembershipId(id), ct).ConfigureAwait(false)).ToHttpResult(InvitationResponse.From)
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.MembersInvite)
            .Describe<InvitationResponse>("ResendInvitation", "Sends a pending invitation again with a new secret and a restarted expiry.");

        team.MapDelete("/invitations/{membershipId}", async (string membershipId, ClaimsPrincipal principal, IInvitationService invitations, CancellationToken ct) =>
                Guid.TryParse(membershipId, out var id)
                    ? (await invitations.RevokeAsync(principal.UserId(), principal.TeamId(), new MembershipId(id), ct).ConfigureAwait(false)).ToHttpResult()
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.MembersInvite)
            .Describe("RevokeInvitation", "Revokes a pending invitation.");
    }

    private static void MapGroups(RouteGroupBuilder team)
    {
        team.MapGet("/groups", async (ClaimsPrincipal principal, IGroupService groups, CancellationToken ct) =>
            (await groups.ListAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(rows => rows.Select(GroupResponse.From).ToArray()))
            .RequireTeamPermission(Permissions.MembersRead)
            .Describe<GroupResponse[]>("Groups", "The team's groups with their members.");

        team.MapPost("/groups", async (GroupBody body, ClaimsPrincipal principal, IGroupService groups, CancellationToken ct) =>
            FirstMissing(("name", body.Name), ("handle", body.Handle)) ??
            (await groups.CreateAsync(principal.UserId(), principal.TeamId(), body.Name!, body.Handle!, ct).ConfigureAwait(false)).ToHttpResult(GroupResponse.From))
            .RequireTeamPermission(Permissions.GroupsManage)
            .Describe<GroupResponse>("CreateGroup", "Creates a group with a name and a handle such as maintenance-team.");

        team.MapDelete("/groups/{groupId}", async (string groupId, ClaimsPrincipal principal, IGroupService groups, CancellationToken ct) =>
                Guid.TryParse(groupId, out var id)
                    ? (await groups.DeleteAsync(principal.UserId(), principal.TeamId(), new GroupId(id), ct).ConfigureAwait(false)).ToHttpResult()
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.GroupsManage)
            .Describe("DeleteGroup", "Deletes a group.");

        team.MapPost("/groups/{groupId}/members", async (string groupId, GroupMemberBody body, ClaimsPrincipal principal, IGroupService groups, CancellationToken ct) =>
                !Guid.TryParse(groupId, out var id) ? Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult()
                    : !TryReadId(body.MembershipId, "membershipId", out var member, out var refusal) ? refusal
                    : (await groups.AddMemberAsync(principal.UserId(), principal.TeamId(), new GroupId(id), new MembershipId(member), ct).ConfigureAwait(false)).ToHttpResult(GroupResponse.From))
            .RequireTeamPermission(Permissions.GroupsManage)
            .Describe<GroupResponse>("AddGroupMember", "Adds a member to a group.");

        team.MapDelete("/groups/{groupId}/members/{membershipId}", async (string groupId, string membershipId, ClaimsPrincipal principal, IGroupService groups, CancellationToken ct) =>
                Guid.TryParse(groupId, out var id) && Guid.TryParse(membershipId, out var member)
                    ? (await groups.RemoveMemberAsync(principal.UserId(), principal.TeamId(), new GroupId(id), new MembershipId(member), ct).ConfigureAwait(false)).ToHttpResult(GroupResponse.From)
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.GroupsManage)
            .Describe<GroupResponse>("RemoveGroupMember", "Removes a member from a group.");
    }

    private static void MapAudit(RouteGroupBuilder team)
    {
        team.MapGet("/audit", async (bool? newestFirst, int? pageSize, long? after, ClaimsPrincipal principal, IAuditLog audit, CancellationToken ct) =>
            {
                var query = new AuditQuery { NewestFirst = newestFirst ?? false, PageSize = pageSize ?? Paging.DefaultPageSize, After = after };
                return (await audit.ListPageAsync(principal.UserId(), principal.TeamId(), query, ct).ConfigureAwait(false))
                    .ToHttpResult(page => new AuditPageResponse([.. page.Items.Select(AuditEventResponse.From)], page.Next));
            })
            .RequireTeamPermission(Permissions.AuditRead)
            .Describe<AuditPageResponse>("Audit", "One page of the team's audit log, oldest first (or ?newestFirst=true). Continue with ?after=<next>.");
    }

    private static void MapGrants(RouteGroupBuilder team)
    {
        team.MapGet("/grants", async (ClaimsPrincipal principal, IGrantService grants, CancellationToken ct) =>
            (await grants.ListAsync(principal.UserId(), principal.TeamId(), ct).ConfigureAwait(false)).ToHttpResult(rows => rows.Select(GrantResponse.From).ToArray()))
            .RequireTeamPermission(Permissions.MembersRead)
            .Describe<GrantResponse[]>("Grants", "The team's grants.");

        team.MapPost("/grants", async (GrantBody body, ClaimsPrincipal principal, IGrantService grants, CancellationToken ct) =>
            {
                if (FirstMissing(("subjectKind", body.SubjectKind), ("subjectId", body.SubjectId), ("resourceId", body.ResourceId), ("permissions", body.Permissions)) is { } missing)
                {
                    return missing;
                }

                if (!TryReadId(body.SubjectId, "subjectId", out var subjectId, out var refusal))
                {
                    return refusal;
                }

                var subject = body.SubjectKind == GrantSubjectKind.Group ? GrantSubject.ForGroup(new GroupId(subjectId)) : GrantSubject.ForMembership(new MembershipId(subjectId));
                return (await grants.GrantAsync(principal.UserId(), principal.TeamId(), subject, body.ResourceId!, body.Permissions!, ct).ConfigureAwait(false)).ToHttpResult(GrantResponse.From);
            })
            .RequireTeamPermission(Permissions.GrantsManage)
            .Describe<GrantResponse>("Grant", "Grants permissions on one resource to a member or a group (never more than the granter holds).");

        team.MapDelete("/grants/{grantId}", async (string grantId, ClaimsPrincipal principal, IGrantService grants, CancellationToken ct) =>
                Guid.TryParse(grantId, out var id)
                    ? (await grants.RevokeAsync(principal.UserId(), principal.TeamId(), new GrantId(id), ct).ConfigureAwait(false)).ToHttpResult()
                    : Result.Failed(TeamAccessErrorCode.NotFound).ToHttpResult())
            .RequireTeamPermission(Permissions.GrantsManage)
            .Describe("RevokeGrant", "Revokes a grant.");
    }

    private static UserId UserId(this ClaimsPrincipal principal) => new(Guid.Parse(principal.FindFirstValue(TeamAccessClaimTypes.UserId)!));

    /// <summary>The session's team: the only team any endpoint acts in (a route's <c>teamId</c> was checked equal to it).</summary>
    private static TeamId TeamId(this ClaimsPrincipal principal) => new(Guid.Parse(principal.FindFirstValue(TeamAccessClaimTypes.TeamId)!));

    private static async Task<(string Token, bool FromCookie)> SessionTokenAsync(HttpContext http)
    {
        var authenticated = await http.AuthenticateAsync(TeamAccessAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        var properties = authenticated.Properties;
        return (properties?.GetTokenValue(TeamAccessAuthenticationHandler.SessionTokenName) ?? "", properties?.Items.ContainsKey(TeamAccessAuthenticationHandler.FromCookieItem) == true);
    }

    private static string CookieName(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptionsMonitor<TeamAccessAuthenticationOptions>>().Get(TeamAccessAuthenticationDefaults.AuthenticationScheme).CookieName
        ?? TeamAccessAuthenticationDefaults.CookieName;

    private static IResult Issue(HttpContext http, Result<TeamAccess.Accounts.Session> session, bool cookie)
    {
        if (cookie && session.TryGetValue(out var issued))
        {
            TeamAccessSessionCookie.Append(http.Response, issued, CookieName(http));
        }

        return session.ToHttpResult(s => SessionResponse.From(s, cookie));
    }

    private static string WriteCursor(MemberPageKey key) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{key.MembershipId.Value:N}{key.Email}"));

    private static bool TryReadCursor(string cursor, out MemberPageKey key)
    {
        key = default;
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            if (text.Length > 32 && Guid.TryParseExact(text[..32], "N", out var id))
            {
                key = new MemberPageKey(text[32..], new MembershipId(id));
                return true;
            }
        }
        catch (FormatException)
        {
            // Not a cursor this API wrote.
        }

        return false;
    }

    /// <summary>Requires only the session's team (a route naming another is 403): the service decides who may call.</summary>
    private static RouteHandlerBuilder RequireSessionTeam(this RouteHandlerBuilder builder) => builder.RequireAuthorization(SessionTeamRequirement.Policy);

    /// <summary>A required field of a body or query string is absent: 400, MissingField, naming it.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Missing(string field, string? message = null) =>
        TypedResults.Problem(WithField(TeamAccessProblems.ToProblemDetails(new TeamAccessError(TeamAccessErrorCode.MissingField, message ?? $"{field} is required.")), field));

    private static Microsoft.AspNetCore.Mvc.ProblemDetails WithField(Microsoft.AspNetCore.Mvc.ProblemDetails problem, string field)
    {
        problem.Extensions["field"] = field;
        return problem;
    }

    /// <summary>The refusal of the first field that is absent (or JSON null), in the order given; null when all are present.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? FirstMissing(params (string Name, object? Value)[] fields)
    {
        foreach (var (name, value) in fields)
        {
            if (value is null)
            {
                return Missing(name);
            }
        }

        return null;
    }

    /// <summary>An invitation is named by its link's token, or by its team's handle, the invited address and the code.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? MissingKey(InvitationKeyBody body) =>
        body.Token is not null ? null
            : body is { TeamHandle: null, Email: null, Code: null } ? Missing("token", "token (or teamHandle, email and code) is required.")
            : FirstMissing(("teamHandle", body.TeamHandle), ("email", body.Email), ("code", body.Code));

    /// <summary>
    /// Reads an id from a body or query field: absent is 400 MissingField, not a GUID is 400 InvalidId (like InvalidStatus,
    /// input no service judges); a GUID that names nothing is left to the service, which answers NotFound.
    /// </summary>
    private static bool TryReadId(string? value, string field, out Guid id, [NotNullWhen(false)] out IResult? refusal)
    {
        id = default;
        refusal = value is null ? Missing(field)
            : Guid.TryParse(value, out id) ? null
            : TeamAccessProblems.BadRequest("InvalidId", "invalid-id", $"{field} is a GUID.");
        return refusal is null;
    }

    private static RouteHandlerBuilder Describe<TResponse>(this RouteHandlerBuilder builder, string name, string summary) =>
        builder.Common(name, summary).Produces<TResponse>(StatusCodes.Status200OK);

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary) =>
        builder.Common(name, summary).Produces(StatusCodes.Status204NoContent);

    private static RouteHandlerBuilder Common(this RouteHandlerBuilder builder, string name, string summary) =>
        builder.WithName(Tag + "." + name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
