using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TeamAccess;

/// <summary>
/// The native password provider's sign-in. Each attempt is counted (a committed write against the user's stamp) before
/// the password is judged, so guesses arriving in parallel cannot outrun the lockout: at most
/// <see cref="PasswordOptions.MaxFailedAttempts"/> guesses are ever judged per lockout period. An unknown address, a
/// user without a password and a wrong password all answer <see cref="TeamAccessErrorCode.InvalidCredentials"/> after
/// the same PBKDF2 work. A success resets the count and, when the work factor has risen, rehashes the password without
/// touching any security stamp, so nobody is signed out by it.
/// </summary>
internal sealed class PasswordSignIn(
    IUserStore users,
    TeamWriter writer,
    PasswordHasher hasher,
    IOptions<TeamAccessOptions> options,
    ILogger<PasswordSignIn>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<PasswordSignIn>.Instance;
    private readonly Lazy<string> _decoy = new(() => hasher.Hash("a password nobody has, hashed only to spend the same work"));

    private PasswordOptions Options => options.Value.Passwords;

    public async ValueTask<Result<User>> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryNormalize(email, out var normalized) || await users.FindByEmailAsync(normalized, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return Decoy(password);
        }

        var reserved = await writer.RunAsync(found.Id, "PasswordSignInAttempt", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(found.Id, ct).ConfigureAwait(false);
            if (user is null)
            {
                return Result<User>.Failed(TeamAccessErrorCode.InvalidCredentials);
            }

            var now = changes.Now;
            if (user.LockoutEnd is { } end && now < end)
            {
                return Result<User>.Failed(TeamAccessErrorCode.LockedOut);
            }

            // A lockout that has passed starts a fresh count; reaching the limit with this attempt locks further ones out.
            var attempts = (user.LockoutEnd is null ? user.FailedSignInCount : 0) + 1;
            var counted = user with
            {
                FailedSignInCount = attempts,
                LockoutEnd = attempts >= Options.MaxFailedAttempts ? now + Options.LockoutDuration : null,
            };
            changes.UpdateUser(user, counted, AuditActions.UserSignInAttempted);
            return Result<User>.Ok(counted);
        }, cancellationToken).ConfigureAwait(false);

        if (!reserved.Succeeded)
        {
            if (reserved.Code != TeamAccessErrorCode.LockedOut)
            {
                // Refused before judging (the user vanished, or the writes kept conflicting): spend the same work anyway.
                Decoy(password);
            }

            return Result<User>.Failed(reserved.Code == TeamAccessErrorCode.LockedOut ? TeamAccessErrorCode.LockedOut : TeamAccessErrorCode.InvalidCredentials);
        }

        var verdict = found.PasswordHash is { } hash ? hasher.Verify(hash, password) : DecoyVerdict(password);
        if (verdict == PasswordVerification.Failed)
        {
            _logger.LogInformation("TeamAccess refused a password sign-in for user {UserId}", found.Id);
            return Result<User>.Failed(TeamAccessErrorCode.InvalidCredentials);
        }

        return await writer.RunAsync(found.Id, "PasswordSignIn", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(found.Id, ct).ConfigureAwait(false);
            if (user is null)
            {
                return Result<User>.Failed(TeamAccessErrorCode.InvalidCredentials);
            }

            var signedIn = user with
            {
                FailedSignInCount = 0,
                LockoutEnd = null,
                PasswordHash = verdict == PasswordVerification.SucceededRehashNeeded ? hasher.Hash(password) : user.PasswordHash,
            };
            changes.UpdateUser(user, signedIn, AuditActions.UserSignedIn);
            return Result<User>.Ok(signedIn);
        }, cancellationToken).ConfigureAwait(false);
    }

    private Result<User> Decoy(string password)
    {
        DecoyVerdict(password);
        return Result<User>.Failed(TeamAccessErrorCode.InvalidCredentials);
    }

    private PasswordVerification DecoyVerdict(string password)
    {
        hasher.Verify(_decoy.Value, password);
        return PasswordVerification.Failed;
    }
}
