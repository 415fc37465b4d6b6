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

    internal IEnumerable<string> Validate()
    {
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
