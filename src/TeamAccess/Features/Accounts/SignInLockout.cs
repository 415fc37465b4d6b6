namespace TeamAccess.Accounts;

/// <summary>
/// The one lockout of an account, which wrong passwords and wrong second-factor codes count toward alike
/// (<see cref="PasswordOptions.MaxFailedAttempts"/> within a lockout period, then <see cref="PasswordOptions.LockoutDuration"/>).
/// </summary>
internal static class SignInLockout
{
    public static bool IsLockedOut(StoredUser user, DateTimeOffset now) => user.LockoutEnd is { } end && now < end;

    /// <summary>The user with one more failed attempt counted: a lockout that has passed starts a fresh count, and reaching the limit locks further ones out.</summary>
    public static StoredUser CountFailure(StoredUser user, DateTimeOffset now, PasswordOptions options)
    {
        var attempts = (user.LockoutEnd is null ? user.FailedSignInCount : 0) + 1;
        return user with
        {
            FailedSignInCount = attempts,
            LockoutEnd = attempts >= options.MaxFailedAttempts ? now + options.LockoutDuration : null,
        };
    }
}
