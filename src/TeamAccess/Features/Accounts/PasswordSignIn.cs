using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <summary>
/// The native password provider's sign-in. Each attempt is counted (a committed write against the user's stamp) before
/// the password is judged, so guesses arriving in parallel cannot outrun the lockout: at most
/// <see cref="PasswordOptions.MaxFailedAttempts"/> guesses are ever judged per lockout period. An unknown address, a
/// user without a password, a locked account and a wrong password all answer
/// <see cref="TeamAccessErrorCode.InvalidCredentials"/> after the same work: one committed write (the count, or for an
/// unknown address an event that records the attempt) and one PBKDF2 run (on a decoy hash where there is nothing to
/// judge), so neither the answer nor its timing tells whether the address has an account. The lock is logged, not told.
/// The hash judged is the one read in the counting write, and the success is written only if neither the hash nor the
/// user's session stamp changed since: a sign-in racing a reset (or a change of password, or a sign-out everywhere)
/// loses, and a rehash never writes an old password over a new one. A success resets the count and, when the work
/// factor has risen, rehashes the password without touching any security stamp, so nobody is signed out by it.
/// </summary>
internal sealed class PasswordSignIn(
    IUserStore users,
    TeamWriter writer,
    PasswordHasher hasher,
    IOptions<TeamAccessOptions> options,
    ILogger<PasswordSignIn>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<PasswordSignIn>.Instance;

    private PasswordOptions Options => options.Value.Passwords;

    public async ValueTask<Result<StoredUser>> SignInAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        password ??= "";
        var maxJudgedLength = Options.MaxLength * 4;
        if (password.Length > maxJudgedLength)
        {
            // Longer than any password the policy lets anyone set: refused unjudged, after the same decoy work.
            return Decoy(password[..maxJudgedLength]);
        }

        if (!EmailAddress.TryNormalize(email, out var normalized) || await users.FindByEmailAsync(normalized, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            // The committed write a counted attempt costs, then the PBKDF2 work a judged one costs.
            await writer.RunAsync(null, "PasswordSignInAttempt", (changes, _) =>
            {
                changes.RecordAttempt(AuditActions.UserSignInAttempted);
                return ValueTask.FromResult(Result<bool>.Ok(true));
            }, cancellationToken).ConfigureAwait(false);
            return Decoy(password);
        }

        var reserved = await writer.RunAsync(found.Id, "PasswordSignInAttempt", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(found.Id, ct).ConfigureAwait(false);
            if (user is null)
            {
                return Result<CountedAttempt>.Failed(TeamAccessErrorCode.InvalidCredentials);
            }

            var now = changes.Now;
            if (SignInLockout.IsLockedOut(user, now))
            {
                // The same committed write as a counted attempt (the count itself stays: it says what was judged), and
                // refused unjudged below.
                changes.UpdateUser(user, user, AuditActions.UserSignInAttempted);
                return Result<CountedAttempt>.Ok(new CountedAttempt(user, LockedOut: true));
            }

            var counted = SignInLockout.CountFailure(user, now, Options);
            changes.UpdateUser(user, counted, AuditActions.UserSignInAttempted);
            return Result<CountedAttempt>.Ok(new CountedAttempt(counted, LockedOut: false));
        }, cancellationToken).ConfigureAwait(false);

        if (!reserved.TryGetValue(out var attempt))
        {
            // Refused before judging (the user vanished, or the writes kept conflicting): spend the same work anyway.
            return Decoy(password);
        }

        if (attempt.LockedOut)
        {
            _logger.SignInLockedOut(found.Id, attempt.User.LockoutEnd);
            return Decoy(password);
        }

        // The hash judged is the one read inside the write that counted this attempt, never the earlier read by email: a
        // reset that committed in between is judged, not the password it replaced.
        var judged = attempt.User;
        var verdict = judged.PasswordHash is { } hash ? hasher.Verify(hash, password) : DecoyVerdict(password);
        if (verdict == PasswordVerification.Failed)
        {
            _logger.PasswordRefused(found.Id);
            return Result<StoredUser>.Failed(TeamAccessErrorCode.InvalidCredentials);
        }

        return await writer.RunAsync(found.Id, "PasswordSignIn", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(found.Id, ct).ConfigureAwait(false);
            if (user is null || !Unchanged(judged, user))
            {
                // A reset, a change of password or a sign-out everywhere committed while the password was judged: what was
                // proven is an old password (or an ended sign-in). Never rehash over it, never issue under the new stamp.
                _logger.PasswordChangedWhileJudged(found.Id);
                return Result<StoredUser>.Failed(TeamAccessErrorCode.InvalidCredentials);
            }

            var signedIn = user with
            {
                FailedSignInCount = 0,
                LockoutEnd = null,
                PasswordHash = verdict == PasswordVerification.SucceededRehashNeeded ? hasher.Hash(password) : user.PasswordHash,
            };
            changes.UpdateUser(user, signedIn, AuditActions.UserSignedIn);
            return Result<StoredUser>.Ok(signedIn);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static bool Unchanged(StoredUser judged, StoredUser current) =>
        string.Equals(judged.PasswordHash, current.PasswordHash, StringComparison.Ordinal) && judged.SessionStamp == current.SessionStamp;

    private Result<StoredUser> Decoy(string password)
    {
        DecoyVerdict(password);
        return Result<StoredUser>.Failed(TeamAccessErrorCode.InvalidCredentials);
    }

    private PasswordVerification DecoyVerdict(string password)
    {
        hasher.Verify(hasher.DecoyHash, password);
        return PasswordVerification.Failed;
    }

    /// <summary>An attempt counted against the user before its password is judged; a locked-out one is not judged.</summary>
    private sealed record CountedAttempt(StoredUser User, bool LockedOut);
}
