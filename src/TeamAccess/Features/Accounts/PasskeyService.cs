using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <summary>
/// The default <see cref="IPasskeyService"/>. A challenge is stored by the hash of its random id and taken (removed) before
/// its answer is judged, so it works once across instances. An accepted assertion moves the passkey's counter in one write
/// on its user, checked against the user's concurrency stamp: two answers racing with one counter cannot both commit, and
/// a counter that does not move forward is refused there.
/// </summary>
internal sealed partial class PasskeyService(
    IUserStore users,
    IPasskeyStore passkeys,
    TeamWriter writer,
    SessionTokens tokens,
    SignInTickets tickets,
    PasskeyCeremonies ceremonies,
    IdentityProviderRegistry providers,
    ITeamSignInPolicyProvider policies,
    IOptions<TeamAccessOptions> options,
    ILogger<PasskeyService>? logger = null,
    TeamAccessTelemetry? telemetry = null) : IPasskeyService
{
    private readonly TeamAccessTelemetry _telemetry = telemetry ?? TeamAccessTelemetry.Unregistered;

    private const int MaxNameLength = 100;

    private readonly ILogger _logger = logger ?? NullLogger<PasskeyService>.Instance;

    private PasskeyOptions Options => options.Value.Passkeys;

    private DateTimeOffset Now => writer.Time.GetUtcNow();

    public async ValueTask<Result<PasskeyChallenge>> BeginRegistrationAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        if (!Options.Enabled)
        {
            return Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.PasskeysUnavailable);
        }

        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<PasskeyChallenge>.Failed(validated.Error!);
        }

        var user = await users.FindByIdAsync(session.Claims.UserId, cancellationToken).ConfigureAwait(false);
        if (user is null || user.SessionStamp != session.UserStamp)
        {
            return Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.SessionRevoked);
        }

        return MayAddFactor(user, session.Claims)
            ? Result<PasskeyChallenge>.Ok(await BeginCreationAsync(user, cancellationToken).ConfigureAwait(false))
            : Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.RecentSecondFactorRequired);
    }

    public async ValueTask<Result<PasskeyView>> CompleteRegistrationAsync(string accessToken, string challengeId, string credentialJson, string name, CancellationToken cancellationToken = default)
    {
        if (PasskeyName(name) is not { } trimmed)
        {
            return Result<PasskeyView>.Failed(TeamAccessErrorCode.InvalidPasskeyName);
        }

        if (!Options.Enabled)
        {
            return Result<PasskeyView>.Failed(TeamAccessErrorCode.PasskeysUnavailable);
        }

        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<PasskeyView>.Failed(validated.Error!);
        }

        var userId = session.Claims.UserId;
        var challenge = await TakeChallengeAsync(challengeId, cancellationToken).ConfigureAwait(false);
        if (challenge?.UserId != userId)
        {
            return Result<PasskeyView>.Failed(TeamAccessErrorCode.InvalidPasskey);
        }

        var verified = await ceremonies.VerifyRegistrationAsync(challenge.Options, credentialJson, cancellationToken).ConfigureAwait(false);
        if (verified is null)
        {
            _logger.PasskeyRegistrationRefused(userId);
            return Result<PasskeyView>.Failed(TeamAccessErrorCode.InvalidPasskey);
        }

        // Judged again in the write: a factor added since the ceremony began raises the bar.
        var added = await AddPasskeyAsync(userId, session.UserStamp, verified, trimmed, user => MayAddFactor(user, session.Claims) ? null : TeamAccessErrorCode.RecentSecondFactorRequired, cancellationToken).ConfigureAwait(false);
        if (!added.TryGetValue(out var stored))
        {
            return Result<PasskeyView>.Failed(added.Error!);
        }

        _logger.PasskeyRegistered(stored.Id, userId);
        return Result<PasskeyView>.Ok(new PasskeyView(stored));
    }

    public async ValueTask<Result<IReadOnlyList<PasskeyView>>> ListAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<IReadOnlyList<PasskeyView>>.Failed(validated.Error!);
        }

        var listed = await passkeys.ListPasskeysAsync(session.Claims.UserId, cancellationToken).ConfigureAwait(false);
        return Result<IReadOnlyList<PasskeyView>>.Ok([.. listed.Select(p => new PasskeyView(p))]);
    }

    public async ValueTask<Result<PasskeyView>> RenameAsync(string accessToken, PasskeyId passkeyId, string name, CancellationToken cancellationToken = default)
    {
        if (PasskeyName(name) is not { } trimmed)
        {
            return Result<PasskeyView>.Failed(TeamAccessErrorCode.InvalidPasskeyName);
        }

        var renamed = await OnOwnPasskeyAsync(accessToken, passkeyId, "RenamePasskey", (changes, user, passkey, _) =>
        {
            var after = passkey with { Name = trimmed };
            changes.PutPasskey(passkey, after);
            changes.UpdateUser(user, user, AuditActions.UserPasskeyRenamed);
            return Result<(StoredPasskey, StoredUser)>.Ok((after, user));
        }, cancellationToken).ConfigureAwait(false);
        return renamed.TryGetValue(out var done) ? Result<PasskeyView>.Ok(new PasskeyView(done.Result)) : Result<PasskeyView>.Failed(renamed.Error!);
    }

    public async ValueTask<Result<Session>> RemoveAsync(string accessToken, PasskeyId passkeyId, CancellationToken cancellationToken = default)
    {
        var removed = await OnOwnPasskeyAsync(accessToken, passkeyId, "RemovePasskey", (changes, user, passkey, session) =>
        {
            // A passkey is a second factor: removing one is a dangerous action, as removing the authenticator is.
            if (!session.Claims.HasSecondFactorSince(changes.Now - options.Value.SecondFactors.StepUpWindow))
            {
                return Result<(StoredPasskey, StoredUser)>.Failed(TeamAccessErrorCode.RecentSecondFactorRequired);
            }

            var after = user with { PasskeyCount = Math.Max(0, user.PasskeyCount - 1), SessionStamp = Guid.NewGuid() };
            changes.PutPasskey(passkey, null);
            changes.UpdateUser(user, after, AuditActions.UserPasskeyRemoved);
            return Result<(StoredPasskey, StoredUser)>.Ok((passkey, after));
        }, cancellationToken).ConfigureAwait(false);
        if (!removed.TryGetValue(out var done))
        {
            return Result<Session>.Failed(removed.Error!);
        }

        _logger.PasskeyRemoved(passkeyId, done.Session.Claims.UserId);
        return await tokens.RenewAsync(done.Session, done.User.SessionStamp, done.Session.Claims.Proof, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The trimmed name of a passkey, or <see langword="null"/> when it is empty, longer than 100 characters or holds control characters.</summary>
    private static string? PasskeyName(string? name) =>
        name?.Trim() is { Length: > 0 and <= MaxNameLength } trimmed && !trimmed.Any(char.IsControl) ? trimmed : null;

    /// <summary>Stores the challenge of a registration for <paramref name="user"/>, excluding the passkeys they have.</summary>
    private async ValueTask<PasskeyChallenge> BeginCreationAsync(StoredUser user, CancellationToken cancellationToken)
    {
        var registered = await passkeys.ListPasskeysAsync(user.Id, cancellationToken).ConfigureAwait(false);
        var optionsJson = ceremonies.RegistrationOptions(user.Id, user.Email, $"{user.FirstName} {user.LastName}".Trim() is { Length: > 0 } display ? display : user.Email, registered.Select(p => p.CredentialId));
        return await StoreChallengeAsync(user.Id, optionsJson, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores a verified passkey in one write on its user, under the session stamp the ceremony was begun with, unless
    /// <paramref name="refuse"/> (judged on the user as the write reads it) names a refusal.
    /// </summary>
    private ValueTask<Result<StoredPasskey>> AddPasskeyAsync(UserId userId, Guid userStamp, RegisteredPasskey verified, string name, Func<StoredUser, TeamAccessErrorCode?> refuse, CancellationToken cancellationToken) =>
        writer.RunAsync(userId, "RegisterPasskey", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (user is null || user.SessionStamp != userStamp)
            {
                return Result<StoredPasskey>.Failed(TeamAccessErrorCode.SessionRevoked);
            }

            if (refuse(user) is { } refusal)
            {
                return Result<StoredPasskey>.Failed(refusal);
            }

            var passkey = new StoredPasskey(PasskeyId.New(), userId, verified.CredentialId, verified.PublicKey, name, changes.Now)
            {
                SignCount = verified.SignCount,
                BackupEligible = verified.BackupEligible,
                BackedUp = verified.BackedUp,
            };
            changes.PutPasskey(null, passkey);
            changes.UpdateUser(user, user with { PasskeyCount = user.PasskeyCount + 1 }, AuditActions.UserPasskeyRegistered);
            return Result<StoredPasskey>.Ok(passkey);
        }, cancellationToken);

    /// <summary>A user who has a second factor adds another only with one proven recently (else a stolen session could plant its own).</summary>
    private bool MayAddFactor(StoredUser user, SessionInfo session) =>
        !SecondFactorGate.HasSecondFactor(user) || session.HasSecondFactorSince(Now - options.Value.SecondFactors.StepUpWindow);

    private async ValueTask<Result<PasskeyChallenge>> BeginAssertionAsync(UserId userId, CancellationToken cancellationToken)
    {
        var registered = await passkeys.ListPasskeysAsync(userId, cancellationToken).ConfigureAwait(false);
        return registered.Count == 0
            ? Result<PasskeyChallenge>.Failed(TeamAccessErrorCode.NoSecondFactor)
            : Result<PasskeyChallenge>.Ok(await StoreChallengeAsync(userId, ceremonies.AssertionOptions(registered.Select(p => p.CredentialId)), cancellationToken).ConfigureAwait(false));
    }

    private async ValueTask<PasskeyChallenge> StoreChallengeAsync(UserId? userId, string optionsJson, CancellationToken cancellationToken)
    {
        var id = UrlSafeBase64.Encode(RandomNumberGenerator.GetBytes(32));
        var now = Now;
        var expiresAt = now + Options.ChallengeLifetime;
        await passkeys.AddPasskeyChallengeAsync(new StoredPasskeyChallenge(HashOf(id), userId, optionsJson, expiresAt), now, cancellationToken).ConfigureAwait(false);
        return new PasskeyChallenge(id, optionsJson, expiresAt);
    }

    private async ValueTask<StoredPasskeyChallenge?> TakeChallengeAsync(string? challengeId, CancellationToken cancellationToken) =>
        challengeId is { Length: > 0 and <= 128 }
            ? await passkeys.TakePasskeyChallengeAsync(HashOf(challengeId), Now, cancellationToken).ConfigureAwait(false)
            : null;

    private static string HashOf(string challengeId) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(challengeId))).ToLowerInvariant();

    /// <summary>
    /// Judges an assertion: the credential is registered (to <paramref name="userId"/> when one is expected), its signature,
    /// origin, challenge and user verification verify, and then, in one write on its user (under <paramref name="userStamp"/>
    /// when given), its counter moves forward from the stored one, which the write records with the backup state.
    /// </summary>
    private async ValueTask<Result<UsedPasskey>> AssertAsync(string optionsJson, string? credentialJson, UserId? userId, Guid? userStamp, CancellationToken cancellationToken)
    {
        var assertion = PasskeyCeremonies.ReadAssertion(credentialJson);
        var found = assertion is null ? null : await passkeys.FindPasskeyAsync(assertion.CredentialId, cancellationToken).ConfigureAwait(false);
        if (assertion is null || found is null || (userId is { } expected && found.UserId != expected)
            || !PasskeyCeremonies.TryReadAuthenticatorData(assertion.AuthenticatorData, out var signCount, out var backupEligible, out var backedUp)
            || backupEligible != found.BackupEligible
            || !await ceremonies.VerifyAssertionAsync(optionsJson, assertion, found, cancellationToken).ConfigureAwait(false))
        {
            _logger.PasskeyAssertionRefused();
            return Result<UsedPasskey>.Failed(TeamAccessErrorCode.InvalidPasskey);
        }

        var owner = found.UserId;
        return await writer.RunAsync(owner, "UsePasskey", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(owner, ct).ConfigureAwait(false);
            var passkey = await passkeys.FindPasskeyAsync(found.CredentialId, ct).ConfigureAwait(false);
            if (user is null || passkey is null || passkey.Id != found.Id || (userStamp is { } stamp && user.SessionStamp != stamp))
            {
                return Result<UsedPasskey>.Failed(userStamp is null ? TeamAccessErrorCode.InvalidPasskey : TeamAccessErrorCode.SessionRevoked);
            }

            // WebAuthn §7.2 step 21: a counter kept by either side must grow; one that does not may be a cloned key.
            if ((signCount != 0 || passkey.SignCount != 0) && signCount <= passkey.SignCount)
            {
                _logger.PasskeyCounterRegressed(passkey.Id, owner);
                return Result<UsedPasskey>.Failed(TeamAccessErrorCode.PasskeyCounterRegressed);
            }

            var after = passkey with { SignCount = signCount, BackedUp = backedUp, LastUsedAt = changes.Now };
            var updated = user with { FailedSignInCount = 0, LockoutEnd = null };
            changes.PutPasskey(passkey, after);
            changes.UpdateUser(user, updated, AuditActions.UserPasskeyUsed);
            return Result<UsedPasskey>.Ok(new UsedPasskey(updated, after));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="edit"/> in one write on the session's user and one of their passkeys (NotFound when it is not theirs); it answers its value and the user as it leaves them.</summary>
    private async ValueTask<Result<(T Result, StoredUser User, ClaimedSession Session)>> OnOwnPasskeyAsync<T>(
        string accessToken, PasskeyId passkeyId, string operation, Func<ChangeSetBuilder, StoredUser, StoredPasskey, ClaimedSession, Result<(T Value, StoredUser After)>> edit, CancellationToken cancellationToken)
    {
        var validated = await tokens.ValidateAsync(accessToken, null, cancellationToken, secondFactorPolicy: false).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<(T, StoredUser, ClaimedSession)>.Failed(validated.Error!);
        }

        var userId = session.Claims.UserId;
        return await writer.RunAsync(userId, operation, async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (user is null || user.SessionStamp != session.UserStamp)
            {
                return Result<(T, StoredUser, ClaimedSession)>.Failed(TeamAccessErrorCode.SessionRevoked);
            }

            var passkey = (await passkeys.ListPasskeysAsync(userId, ct).ConfigureAwait(false)).FirstOrDefault(p => p.Id == passkeyId);
            if (passkey is null)
            {
                return Result<(T, StoredUser, ClaimedSession)>.Failed(TeamAccessErrorCode.NotFound);
            }

            var result = edit(changes, user, passkey, session);
            return result.TryGetValue(out var done)
                ? Result<(T, StoredUser, ClaimedSession)>.Ok((done.Value, done.After, session))
                : Result<(T, StoredUser, ClaimedSession)>.Failed(result.Error!);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A passkey accepted: its user and the passkey as the accepting write left them.</summary>
    private sealed record UsedPasskey(StoredUser User, StoredPasskey Passkey);
}
