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

/// <summary>
/// Delivers activation messages (the link that confirms a new account's email address); the host registers one. Called
/// after the user is committed, once per committed send. This is the only place an activation token leaves the library.
/// </summary>
public interface IEmailConfirmationSender
{
    /// <summary>Delivers one message.</summary>
    /// <param name="message">The message, with the secret activation token.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the message is handed over.</returns>
    ValueTask SendAsync(EmailConfirmationMessage message, CancellationToken cancellationToken);
}

/// <summary>An activation message to deliver. Its <see cref="ToString"/> never shows the token.</summary>
public sealed class EmailConfirmationMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="userId">The new user.</param>
    /// <param name="email">The address to confirm, where the message goes.</param>
    /// <param name="firstName">The user's first name, for the greeting.</param>
    /// <param name="token">The secret activation token, for the link (see <see cref="IUserService.ConfirmEmailAsync"/>).</param>
    /// <param name="expiresAt">When the token stops working.</param>
    public EmailConfirmationMessage(UserId userId, string email, string firstName, string token, DateTimeOffset expiresAt)
    {
        UserId = userId;
        Email = email;
        FirstName = firstName;
        Token = token;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the user.</summary>
    public UserId UserId { get; }

    /// <summary>Gets the address to confirm.</summary>
    public string Email { get; }

    /// <summary>Gets the user's first name.</summary>
    public string FirstName { get; }

    /// <summary>Gets the secret activation token (put it in the link; never log it).</summary>
    public string Token { get; }

    /// <summary>Gets when the token stops working.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"Activation for {Email}, expires {ExpiresAt:u}";
}

/// <summary>The default sender: delivers nothing and logs that fact, without the token, so a host notices it must register one.</summary>
internal sealed class LoggingEmailConfirmationSender(ILogger<LoggingEmailConfirmationSender>? logger = null) : IEmailConfirmationSender
{
    public ValueTask SendAsync(EmailConfirmationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return UndeliveredMessages.Log(logger, nameof(IEmailConfirmationSender), "activation message of user", message.UserId.Value);
    }
}
