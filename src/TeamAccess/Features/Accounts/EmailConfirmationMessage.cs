using Microsoft.Extensions.Logging;

namespace TeamAccess.Accounts;

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
