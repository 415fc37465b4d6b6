using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <summary>
/// The default <see cref="ISecondFactorService"/>. Every code is judged inside one write on the user, against the user's
/// concurrency stamp: a refused code is counted there (toward the password's lockout), an accepted one spends its time
/// step or recovery code there, so two requests with one code, on one instance or two, cannot both commit. Secrets and
/// codes are never logged.
/// </summary>
internal sealed class SecondFactorService(
    IUserStore users,
    TeamWriter writer,
    SessionTokens tokens,
    SignInTickets tickets,
    FirstFactorSignIn firstFactor,
    IServiceProvider services,
    IOptions<TeamAccessOptions> options,
    ILogger<SecondFactorService>? logger = null) : ISecondFactorService
{
    private readonly ILogger _logger = logger ?? NullLogger<SecondFactorService>.Instance;

    private SecondFactorOptions Options => options.Value.SecondFactors;

    // Resolved when a secret is first needed: a host that uses no second factor need not register one.
    private ISecretProtector Protector => SecretProtection.Require(services, "Second factors");

    public async ValueTask<Result<SignInStep>> SignInAsync(SignInCredential credential, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var proven = await firstFactor.ProveAsync(credential, teamId, cancellationToken).ConfigureAwait(false);
        if (!proven.TryGetValue(out var first))
        {
            return Result<SignInStep>.Failed(proven.Error!);
        }

        if (first.SecondFactorDemand is { } demand)
        {
            var (ticket, expiresAt) = tickets.Issue(first, demand);
            return Result<SignInStep>.Ok(new SignInStep(null, ticket, expiresAt, demand));
        }

        var session = await tokens.IssueNewAsync(first.Membership, first.Provider, first.User.SessionStamp, first.Proof(writer.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return Result<SignInStep>.Ok(new SignInStep(session, null, null, null));
    }

    public async ValueTask<Result<SignInStep>> SignInAsync(SignInCredential credential, string teamHandle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var team = await firstFactor.FindTeamAsync(teamHandle, cancellationToken).ConfigureAwait(false);
        return team.TryGetValue(out var id)
            ? await SignInAsync(credential, id, cancellationToken).ConfigureAwait(false)
            : Result<SignInStep>.Failed(team.Error!);
    }

    public async ValueTask<Result<SecondFactorSession>> CompleteSignInAsync(string ticket, string code, CancellationToken cancellationToken = default)
    {
        if (await tickets.ReadAsync(ticket).ConfigureAwait(false) is not { } claimed)
        {
            return Result<SecondFactorSession>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var current = await users.FindByIdAsync(claimed.UserId, cancellationToken).ConfigureAwait(false);
        var enrolling = current is { AuthenticatorConfirmedAt: null, AuthenticatorSecret: not null };
        var proof = await ProveAsync(claimed.UserId, claimed.UserStamp, code, enrolling, cancellationToken).ConfigureAwait(false);
        if (!proof.TryGetValue(out var proved))
        {
            return Result<SecondFactorSession>.Failed(proof.Error!);
        }

        // The membership is asked again: a removal or a deactivation since the first factor ends the sign-in here.
        var team = await writer.Teams.LoadAsync(claimed.TeamId, cancellationToken).ConfigureAwait(false);
        var membership = team is null ? Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound) : ActiveMembership.Of(team, claimed.UserId);
        if (!membership.TryGetValue(out var active) || active.Id != claimed.MembershipId)
        {
            return Result<SecondFactorSession>.Failed(membership.Succeeded ? TeamAccessErrorCode.SessionRevoked : membership.Code);
        }

        var session = await tokens.IssueNewAsync(active, claimed.Provider, proved.User!.SessionStamp, SessionProof.FirstFactor(claimed.Provider).WithSecondFactor(writer.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        _logger.SecondFactorSignIn(claimed.UserId, claimed.TeamId);
        return Result<SecondFactorSession>.Ok(new SecondFactorSession(session, proved.RecoveryCodes));
    }

    public async ValueTask<Result<AuthenticatorEnrolment>> BeginSignInEnrolmentAsync(string ticket, CancellationToken cancellationToken = default)
    {
        return await tickets.ReadAsync(ticket).ConfigureAwait(false) is { } claimed
            ? await BeginAsync(claimed.UserId, claimed.UserStamp, cancellationToken).ConfigureAwait(false)
            : Result<AuthenticatorEnrolment>.Failed(TeamAccessErrorCode.InvalidToken);
    }

    public async ValueTask<Result<AuthenticatorEnrolment>> BeginEnrolmentAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        return validated.TryGetValue(out var session)
            ? await BeginAsync(session.Claims.UserId, session.UserStamp, cancellationToken).ConfigureAwait(false)
            : Result<AuthenticatorEnrolment>.Failed(validated.Error!);
    }

    public async ValueTask<Result<SecondFactorSession>> ConfirmEnrolmentAsync(string accessToken, string code, CancellationToken cancellationToken = default)
    {
        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<SecondFactorSession>.Failed(validated.Error!);
        }

        var proof = await ProveAsync(session.Claims.UserId, session.UserStamp, code, enrolling: true, cancellationToken).ConfigureAwait(false);
        if (!proof.TryGetValue(out var proved))
        {
            return Result<SecondFactorSession>.Failed(proof.Error!);
        }

        var renewed = await tokens.RenewAsync(session, proved.User!.SessionStamp, session.Claims.Proof.WithSecondFactor(writer.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return renewed.TryGetValue(out var token)
            ? Result<SecondFactorSession>.Ok(new SecondFactorSession(token, proved.RecoveryCodes))
            : Result<SecondFactorSession>.Failed(renewed.Error!);
    }

    public async ValueTask<Result<Session>> StepUpAsync(string accessToken, string code, CancellationToken cancellationToken = default)
    {
        // The team's own second-factor rule is what a step-up satisfies: it cannot be a reason to refuse one.
        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<Session>.Failed(validated.Error!);
        }

        var proof = await ProveAsync(session.Claims.UserId, session.UserStamp, code, enrolling: false, cancellationToken).ConfigureAwait(false);
        if (!proof.TryGetValue(out var proved))
        {
            return Result<Session>.Failed(proof.Error!);
        }

        _logger.SecondFactorProved(session.Claims.UserId, session.Claims.SessionId);
        return await tokens.RenewAsync(session, proved.User!.SessionStamp, session.Claims.Proof.WithSecondFactor(writer.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result<SessionInfo>> RequireRecentSecondFactorAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var validated = await tokens.ValidateAsync(accessToken, teamId, cancellationToken).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<SessionInfo>.Failed(validated.Error!);
        }

        var refusal = await StepUpRefusalAsync(session.Claims, cancellationToken).ConfigureAwait(false);
        return refusal is { } code ? Result<SessionInfo>.Failed(code) : Result<SessionInfo>.Ok(session.Claims);
    }

    public async ValueTask<Result<Session>> RemoveAuthenticatorAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<Session>.Failed(validated.Error!);
        }

        var userId = session.Claims.UserId;
        var recent = session.Claims.HasSecondFactorSince(writer.Time.GetUtcNow() - Options.StepUpWindow);
        var removed = await writer.RunAsync(userId, "RemoveAuthenticator", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (user is null || user.SessionStamp != session.UserStamp)
            {
                return Result<StoredUser>.Failed(TeamAccessErrorCode.SessionRevoked);
            }

            if (user.AuthenticatorSecret is null)
            {
                return Result<StoredUser>.Failed(TeamAccessErrorCode.NoSecondFactor);
            }

            // A confirmed authenticator is the user's last second factor: removing it is a dangerous action. A pending
            // enrolment was never a factor, and cancelling it needs none.
            if (user.AuthenticatorConfirmedAt is not null && !recent)
            {
                return Result<StoredUser>.Failed(TeamAccessErrorCode.RecentSecondFactorRequired);
            }

            var after = user with { AuthenticatorSecret = null, AuthenticatorConfirmedAt = null, RecoveryCodeHashes = null, SessionStamp = Guid.NewGuid() };
            changes.UpdateUser(user, after, AuditActions.UserAuthenticatorRemoved);
            return Result<StoredUser>.Ok(after);
        }, cancellationToken).ConfigureAwait(false);
        if (!removed.TryGetValue(out var updated))
        {
            return Result<Session>.Failed(removed.Error!);
        }

        _logger.AuthenticatorRemoved(userId);
        return await tokens.RenewAsync(session, updated.SessionStamp, session.Claims.Proof, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Result<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<IReadOnlyList<string>>.Failed(validated.Error!);
        }

        var userId = session.Claims.UserId;
        var recent = session.Claims.HasSecondFactorSince(writer.Time.GetUtcNow() - Options.StepUpWindow);
        return await writer.RunAsync(userId, "RegenerateRecoveryCodes", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (user is null || user.SessionStamp != session.UserStamp)
            {
                return Result<IReadOnlyList<string>>.Failed(TeamAccessErrorCode.SessionRevoked);
            }

            if (user.AuthenticatorConfirmedAt is null)
            {
                return Result<IReadOnlyList<string>>.Failed(TeamAccessErrorCode.NoSecondFactor);
            }

            if (!recent)
            {
                return Result<IReadOnlyList<string>>.Failed(TeamAccessErrorCode.RecentSecondFactorRequired);
            }

            var (codes, hashes) = RecoveryCodes.Generate(userId);
            changes.UpdateUser(user, user with { RecoveryCodeHashes = hashes }, AuditActions.UserRecoveryCodesGenerated);
            return Result<IReadOnlyList<string>>.Ok(codes);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why a session may not take a dangerous action now, or <see langword="null"/> when it may.</summary>
    private async ValueTask<TeamAccessErrorCode?> StepUpRefusalAsync(SessionInfo session, CancellationToken cancellationToken)
    {
        if (session.HasSecondFactorSince(writer.Time.GetUtcNow() - Options.StepUpWindow))
        {
            return null;
        }

        // Read only on refusal: a user with nothing to prove is told to enrol, not asked for a code they cannot have.
        var user = await users.FindByIdAsync(session.UserId, cancellationToken).ConfigureAwait(false);
        return user is null || !SecondFactorGate.HasSecondFactor(user) ? TeamAccessErrorCode.SecondFactorEnrolmentRequired : TeamAccessErrorCode.RecentSecondFactorRequired;
    }

    private async ValueTask<Result<AuthenticatorEnrolment>> BeginAsync(UserId userId, Guid userStamp, CancellationToken cancellationToken)
    {
        var secret = AuthenticatorCodes.NewSecret();
        var protectedSecret = Protector.Protect(secret);
        var begun = await writer.RunAsync(userId, "BeginAuthenticatorEnrolment", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (user is null || user.SessionStamp != userStamp)
            {
                return Result<StoredUser>.Failed(TeamAccessErrorCode.SessionRevoked);
            }

            if (user.AuthenticatorConfirmedAt is not null)
            {
                return Result<StoredUser>.Failed(TeamAccessErrorCode.AuthenticatorAlreadyEnrolled);
            }

            changes.UpdateUser(user, user with { AuthenticatorSecret = protectedSecret, AuthenticatorLastTimeStep = 0 }, AuditActions.UserAuthenticatorEnrolmentStarted);
            return Result<StoredUser>.Ok(user);
        }, cancellationToken).ConfigureAwait(false);
        if (!begun.TryGetValue(out var enrolled))
        {
            return Result<AuthenticatorEnrolment>.Failed(begun.Error!);
        }

        var uri = AuthenticatorCodes.Uri(Options.AuthenticatorIssuer, enrolled.Email, secret);
        return Result<AuthenticatorEnrolment>.Ok(new AuthenticatorEnrolment(AuthenticatorCodes.Base32(secret), uri, AuthenticatorCodes.QrCodePng(uri)));
    }

    /// <summary>
    /// Judges a code in one write on the user: refused while locked out; an authenticator code of a step later than the
    /// last one used (of the pending secret when <paramref name="enrolling"/>, which confirming generates recovery codes
    /// for); or, after sign-in, a recovery code not used yet. An accepted code is spent and the failure count reset in that
    /// write; a refused one is counted there, locking the account at the password's limit.
    /// </summary>
    private async ValueTask<Result<ProvenSecondFactor>> ProveAsync(UserId userId, Guid userStamp, string? code, bool enrolling, CancellationToken cancellationToken)
    {
        var judged = await writer.RunAsync(userId, enrolling ? "ConfirmAuthenticator" : "ProveSecondFactor", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (user is null || user.SessionStamp != userStamp)
            {
                return Result<ProvenSecondFactor>.Failed(TeamAccessErrorCode.SessionRevoked);
            }

            var hasFactor = enrolling ? user is { AuthenticatorSecret: not null, AuthenticatorConfirmedAt: null } : user.AuthenticatorConfirmedAt is not null;
            if (!hasFactor)
            {
                return Result<ProvenSecondFactor>.Failed(TeamAccessErrorCode.NoSecondFactor);
            }

            var now = changes.Now;
            if (SignInLockout.IsLockedOut(user, now))
            {
                return Result<ProvenSecondFactor>.Ok(ProvenSecondFactor.Refused);
            }

            var secret = Protector.Unprotect(user.AuthenticatorSecret!);
            if (AuthenticatorCodes.TryMatch(secret, code, now, out var step) && step > user.AuthenticatorLastTimeStep)
            {
                var accepted = user with { AuthenticatorLastTimeStep = step, FailedSignInCount = 0, LockoutEnd = null };
                IReadOnlyList<string> generated = [];
                if (enrolling)
                {
                    (generated, var hashes) = RecoveryCodes.Generate(userId);
                    accepted = accepted with { AuthenticatorConfirmedAt = now, RecoveryCodeHashes = hashes };
                }

                changes.UpdateUser(user, accepted, enrolling ? AuditActions.UserAuthenticatorConfirmed : AuditActions.UserSecondFactorProven);
                return Result<ProvenSecondFactor>.Ok(new ProvenSecondFactor(accepted, generated));
            }

            if (!enrolling && RecoveryCodes.Use(userId, user.RecoveryCodeHashes, code) is { } left)
            {
                var accepted = user with { RecoveryCodeHashes = left.Length == 0 ? null : left, FailedSignInCount = 0, LockoutEnd = null };
                changes.UpdateUser(user, accepted, AuditActions.UserSecondFactorProven);
                return Result<ProvenSecondFactor>.Ok(new ProvenSecondFactor(accepted, []));
            }

            // The password's counter and limit.
            var counted = SignInLockout.CountFailure(user, now, options.Value.Passwords);
            changes.UpdateUser(user, counted, AuditActions.UserSecondFactorAttempted);
            return Result<ProvenSecondFactor>.Ok(ProvenSecondFactor.Refused);
        }, cancellationToken).ConfigureAwait(false);

        if (!judged.TryGetValue(out var outcome))
        {
            return judged;
        }

        if (outcome.User is null)
        {
            _logger.SecondFactorRefused(userId);
            return Result<ProvenSecondFactor>.Failed(TeamAccessErrorCode.InvalidSecondFactor);
        }

        return judged;
    }

    /// <summary>A code's verdict: the user as the accepting write left it (none when refused), and any recovery codes it generated.</summary>
    private sealed record ProvenSecondFactor(StoredUser? User, IReadOnlyList<string> RecoveryCodes)
    {
        public static ProvenSecondFactor Refused { get; } = new(null, []);
    }
}
