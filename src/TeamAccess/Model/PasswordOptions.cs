namespace TeamAccess;

/// <summary>
/// The native password policy and work factor. The defaults follow NIST SP 800-63B rev. 4 (at least 15 characters, at
/// least 64 allowed, no composition rules, no truncation) and OWASP's PBKDF2 figure (HMAC-SHA512, 210,000 iterations).
/// </summary>
public sealed class PasswordOptions
{
    /// <summary>The lowest work factor accepted: OWASP's current figure for PBKDF2-HMAC-SHA512.</summary>
    public const int MinimumIterations = 210_000;

    /// <summary>Gets or sets the fewest characters (Unicode code points after NFKC) a password may have. Default 15; at least 8.</summary>
    public int MinLength { get; set; } = 15;

    /// <summary>Gets or sets the most characters a password may have. Default 64; at least 64 and at most 1024.</summary>
    public int MaxLength { get; set; } = 64;

    /// <summary>Gets or sets the PBKDF2-HMAC-SHA512 iteration count for new hashes. Default and minimum 210,000.</summary>
    public int Iterations { get; set; } = MinimumIterations;

    /// <summary>Gets or sets how many password sign-ins in a row may fail before the account locks. Default 5; 1 to 100.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>Gets or sets how long a lockout lasts. Default 15 minutes; 1 minute to 1 day.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how long a password reset token works. Default 1 hour; 5 minutes to 1 day.</summary>
    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets the shortest time between two password reset messages to one address; a request sooner sends nothing
    /// (and answers the same). Default 1 minute; 0 to 1 hour.
    /// </summary>
    public TimeSpan ResetRequestCooldown { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how many password reset messages one address may be sent within a day; past it a request sends
    /// nothing and answers the same. Counted per address whether or not it has an account, so the work is the same
    /// either way. Default 5; 1 to 100.
    /// </summary>
    public int MaxResetMessagesPerAddressPerDay { get; set; } = 5;

    internal IEnumerable<string> Validate()
    {
        if (MaxResetMessagesPerAddressPerDay is < 1 or > 100)
        {
            yield return $"Passwords.MaxResetMessagesPerAddressPerDay must be between 1 and 100; it is {MaxResetMessagesPerAddressPerDay}.";
        }

        if (ResetTokenLifetime < TimeSpan.FromMinutes(5) || ResetTokenLifetime > TimeSpan.FromDays(1))
        {
            yield return $"Passwords.ResetTokenLifetime must be between 5 minutes and 1 day; it is {ResetTokenLifetime}.";
        }

        if (ResetRequestCooldown < TimeSpan.Zero || ResetRequestCooldown > TimeSpan.FromHours(1))
        {
            yield return $"Passwords.ResetRequestCooldown must be between 0 and 1 hour; it is {ResetRequestCooldown}.";
        }

        if (MaxFailedAttempts is < 1 or > 100)
        {
            yield return $"Passwords.MaxFailedAttempts must be between 1 and 100; it is {MaxFailedAttempts}.";
        }

        if (LockoutDuration < TimeSpan.FromMinutes(1) || LockoutDuration > TimeSpan.FromDays(1))
        {
            yield return $"Passwords.LockoutDuration must be between 1 minute and 1 day; it is {LockoutDuration}.";
        }

        if (MinLength < 8)
        {
            yield return $"Passwords.MinLength must be at least 8; it is {MinLength}.";
        }

        if (MaxLength is < 64 or > 1024)
        {
            yield return $"Passwords.MaxLength must be between 64 and 1024; it is {MaxLength}.";
        }

        if (MinLength > MaxLength)
        {
            yield return $"Passwords.MinLength ({MinLength}) must not exceed Passwords.MaxLength ({MaxLength}).";
        }

        if (Iterations < MinimumIterations)
        {
            yield return $"Passwords.Iterations must be at least {MinimumIterations}; it is {Iterations}.";
        }
    }
}
