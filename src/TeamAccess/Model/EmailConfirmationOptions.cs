using Microsoft.Extensions.Logging;

namespace TeamAccess;

/// <summary>How a password sign-up proves its email address. Validated at start-up.</summary>
public sealed class EmailConfirmationOptions
{
    /// <summary>Gets or sets how long an activation link works. Default 3 days; 1 hour to 30 days.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Gets or sets how long after a send a new activation message may be asked for. Default 1 minute; 0 to 1 day.</summary>
    public TimeSpan ResendCooldown { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets whether a password sign-in needs a confirmed address (otherwise it answers
    /// <see cref="TeamAccessErrorCode.EmailNotConfirmed"/>, and only to the holder of the right password). Default
    /// <see langword="true"/>, as the portals say: "use the email link to log in and verify your account".
    /// </summary>
    public bool RequiredForPasswordSignIn { get; set; } = true;

    /// <summary>
    /// Gets or sets how many activation messages one address may be sent within a day (sign-up and resends together);
    /// past it a resend sends nothing and answers the same, so the page cannot be used to flood an inbox. Counted per
    /// address whether or not it has an account, so the work is the same either way. Default 5; 1 to 100.
    /// </summary>
    public int MaxMessagesPerAddressPerDay { get; set; } = 5;

    internal IEnumerable<string> Validate()
    {
        if (MaxMessagesPerAddressPerDay is < 1 or > 100)
        {
            yield return $"EmailConfirmation.MaxMessagesPerAddressPerDay must be between 1 and 100; it is {MaxMessagesPerAddressPerDay}.";
        }

        if (Lifetime < TimeSpan.FromHours(1) || Lifetime > TimeSpan.FromDays(30))
        {
            yield return $"EmailConfirmation.Lifetime must be between 1 hour and 30 days; it is {Lifetime}.";
        }

        if (ResendCooldown < TimeSpan.Zero || ResendCooldown > TimeSpan.FromDays(1))
        {
            yield return $"EmailConfirmation.ResendCooldown must be between 0 and 1 day; it is {ResendCooldown}.";
        }
    }
}
