using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Index;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <summary>
/// The default <see cref="ISessionService"/>: what a person does with sessions. Signing in (with a password here, with
/// a provider's token through <see cref="ExternalSignIn"/>), switching team, signing out of one session or of all,
/// and changing the password; the tokens themselves are <see cref="SessionTokens"/>'.
/// </summary>
internal sealed partial class SessionService(
    IUserStore users,
    ISessionStore sessionStore,
    TeamWriter writer,
    PasswordSignIn passwords,
    PasswordPolicy passwordPolicy,
    PasswordHasher passwordHasher,
    IdentityProviderRegistry providers,
    ITeamSignInPolicyProvider policies,
    SessionTokens tokens,
    FirstFactorSignIn firstFactor,
    ISessionRecordStore records,
    SessionActivityRecorder activity,
    AccessEngine engine,
    IOptions<TeamAccessOptions> options,
    ILogger<SessionService>? logger = null) : ISessionService
{
    private readonly ILogger _logger = logger ?? NullLogger<SessionService>.Instance;

    private SessionOptions Options => options.Value.Sessions;

    public async ValueTask<Result<Session>> SignInAsync(SignInCredential credential, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var proven = await firstFactor.ProveAsync(credential, teamId, cancellationToken).ConfigureAwait(false);
        if (!proven.TryGetValue(out var first))
        {
            return Result<Session>.Failed(proven.Error!);
        }

        // A user with an authenticator, or a team that requires a second factor, gets no session from a first factor alone:
        // ISecondFactorService's sign-in hands the ticket that a code completes.
        if (first.SecondFactorDemand is { } demand)
        {
            return Result<Session>.Failed(demand);
        }

        return Result<Session>.Ok(await tokens.IssueNewAsync(first.Membership, first.Provider, first.User.SessionStamp, first.Proof(writer.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<Result<Session>> SignInAsync(SignInCredential credential, string teamHandle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var team = await firstFactor.FindTeamAsync(teamHandle, cancellationToken).ConfigureAwait(false);
        return team.TryGetValue(out var id)
            ? await SignInAsync(credential, id, cancellationToken).ConfigureAwait(false)
            : Result<Session>.Failed(team.Error!);
    }

    public async ValueTask<Result<SessionInfo>> ValidateAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var validated = await tokens.ValidateAsync(accessToken, teamId, cancellationToken).ConfigureAwait(false);
        return validated.TryGetValue(out var session) ? Result<SessionInfo>.Ok(session.Claims) : Result<SessionInfo>.Failed(validated.Error!);
    }

    public async ValueTask<Result> SignOutAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var claimed = accessToken is null ? Result<ClaimedSession>.Failed(TeamAccessErrorCode.InvalidToken) : await tokens.ReadAsync(accessToken).ConfigureAwait(false);
        if (!claimed.TryGetValue(out var session))
        {
            // An expired session has already ended: signing it out is done.
            return claimed.Code == TeamAccessErrorCode.SessionExpired ? Result.Success : Result.Failed(claimed.Error!);
        }

        var userId = session.Claims.UserId;
        var state = await sessionStore.FindSessionStateAsync(userId, session.Claims.SessionId, cancellationToken).ConfigureAwait(false);
        if (state is null or { SessionRevoked: true })
        {
            return Result.Success;
        }

        var revoked = await RevokeAsync(userId, "SignOut", [(session.Claims.SessionId, session.Claims.AuthenticatedAt, session.Claims.ExpiresAt)], cancellationToken).ConfigureAwait(false);
        if (!revoked.Succeeded)
        {
            return revoked;
        }

        _logger.SessionSignedOut(session.Claims.SessionId, userId);
        return Result.Success;
    }

    public async ValueTask<Result> SignOutEverywhereAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result.Failed(validated.Error!);
        }

        var userId = session.Claims.UserId;
        var done = await writer.RunAsync(userId, "SignOutEverywhere", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (user is null)
            {
                return Result<bool>.Failed(TeamAccessErrorCode.SessionRevoked);
            }

            changes.UpdateUser(user, user with { SessionStamp = Guid.NewGuid() }, AuditActions.UserSignedOutEverywhere);
            return Result<bool>.Ok(true);
        }, cancellationToken).ConfigureAwait(false);
        if (!done.Succeeded)
        {
            return Result.Failed(done.Error!);
        }

        _logger.SignedOutEverywhere(userId);
        return Result.Success;
    }

    public async ValueTask<Result<Session>> ChangePasswordAsync(string accessToken, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<Session>.Failed(validated.Error!);
        }

        var userId = session.Claims.UserId;
        var user = await users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.SessionRevoked);
        }

        var failed = await passwordPolicy.CheckAsync(newPassword, user.Email, cancellationToken).ConfigureAwait(false);
        if (failed.Count > 0)
        {
            return Result<Session>.Failed(PasswordPolicy.Refusal(failed));
        }

        // The current password is judged as a sign-in is: counted first, so a stolen session cannot guess it past the lockout.
        var proven = await passwords.SignInAsync(user.Email, currentPassword ?? "", cancellationToken).ConfigureAwait(false);
        if (!proven.TryGetValue(out var signedIn) || signedIn.Id != userId)
        {
            return Result<Session>.Failed(proven.Succeeded ? TeamAccessErrorCode.InvalidCredentials : proven.Code);
        }

        var hash = passwordHasher.Hash(newPassword);
        var changed = await writer.RunAsync(userId, "ChangePassword", async (changes, ct) =>
        {
            var current = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (current is null || !string.Equals(current.PasswordHash, signedIn.PasswordHash, StringComparison.Ordinal))
            {
                // The password changed (a reset) between the proof and this write: the proof is of an old password.
                return Result<StoredUser>.Failed(TeamAccessErrorCode.InvalidCredentials);
            }

            var after = current with { PasswordHash = hash, SessionStamp = Guid.NewGuid(), PasswordResetTokenHash = null, PasswordResetExpiresAt = null };
            changes.UpdateUser(current, after, AuditActions.UserPasswordChanged);
            return Result<StoredUser>.Ok(after);
        }, cancellationToken).ConfigureAwait(false);
        if (!changed.TryGetValue(out var updated))
        {
            return Result<Session>.Failed(changed.Error!);
        }

        _logger.PasswordChanged(userId);
        var membership = await writer.Teams.FindMembershipAsync(session.Claims.TeamId, session.Claims.MembershipId, cancellationToken).ConfigureAwait(false);
        if (membership is null || membership.Status != MembershipStatus.Active)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.SessionRevoked);
        }

        return Result<Session>.Ok(await tokens.IssueNewAsync(membership, session.Claims.Provider, updated.SessionStamp, session.Claims.Proof, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<Result<Session>> SwitchTeamAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken = default)
    {
        using var span = TeamAccessTelemetry.Start("SwitchTeam");
        span?.SetTag(TeamAccessTelemetry.TeamId, teamId.Value);
        var switched = await SwitchAsync(accessToken, teamId, cancellationToken).ConfigureAwait(false);
        span?.SetTag(TeamAccessTelemetry.Outcome, switched.Succeeded ? "switched" : "refused");
        if (!switched.Succeeded)
        {
            TeamAccessTelemetry.Failed(span, switched.Code);
        }

        return switched;
    }

    private async ValueTask<Result<Session>> SwitchAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken)
    {
        // A session its own team now refuses for want of a second factor may still leave for a team that does not ask one.
        var current = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        if (!current.TryGetValue(out var claimed))
        {
            return Result<Session>.Failed(current.Error!);
        }

        var session = claimed.Claims;

        var team = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.NotFound);
        }

        // Membership first: a team the user is not in is answered as if it did not exist, whatever its policy.
        var membership = ActiveMembership.Of(team, session.UserId);
        if (!membership.TryGetValue(out var active))
        {
            return Result<Session>.Failed(membership.Error!);
        }

        var policy = await policies.GetAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (!providers.Accepts(policy, session.Provider))
        {
            return Result<Session>.Failed(TeamAccessErrorCode.ReauthenticationRequired);
        }

        // A team that requires a second factor takes a session that proved one; otherwise the answer is a step-up (or, for a
        // user with no second factor yet, enrolment), never a new password.
        if (SecondFactorGate.Unmet(policy, session) is not null)
        {
            var user = await users.FindByIdAsync(session.UserId, cancellationToken).ConfigureAwait(false);
            return Result<Session>.Failed(user is null ? TeamAccessErrorCode.SessionRevoked : SecondFactorGate.Demand(user, policy)!.Value);
        }

        // The same session in another team: its id, original sign-in time and user stamp carry over, so switching
        // (even to the session's own team) never extends its maximum age and a sign-out reaches every token of it.
        _logger.TeamSwitched(session.UserId, session.TeamId, teamId);
        return Result<Session>.Ok(await tokens.IssueAsync(active, session.Provider, session.SessionId, session.AuthenticatedAt, claimed.UserStamp, session.Proof, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<Result<IReadOnlyList<SwitchableTeam>>> ListSwitchableTeamsAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var current = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        if (!current.TryGetValue(out var claimed))
        {
            return Result<IReadOnlyList<SwitchableTeam>>.Failed(current.Error!);
        }

        var session = claimed.Claims;

        var teams = new List<SwitchableTeam>();
        foreach (var id in await writer.Teams.ListTeamIdsForUserToEndAsync(session.UserId, cancellationToken).ConfigureAwait(false))
        {
            var team = await writer.Teams.LoadAsync(id, cancellationToken).ConfigureAwait(false);
            if (team is not null && ActiveMembership.Of(team, session.UserId).TryGetValue(out var membership))
            {
                var policy = await policies.GetAsync(id, cancellationToken).ConfigureAwait(false);
                teams.Add(new SwitchableTeam(id, team.Team.Name, team.Team.Handle, membership.Role, !providers.Accepts(policy, session.Provider)));
            }
        }

        return Result<IReadOnlyList<SwitchableTeam>>.Ok([.. teams.OrderBy(t => t.Name, StringComparer.Ordinal)]);
    }

}
