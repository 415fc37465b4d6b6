using Microsoft.Extensions.Logging;

namespace TeamAccess.Accounts;

/// <summary>A password reset to deliver to a user's address. Its <see cref="ToString"/> never shows the token.</summary>
public sealed class PasswordResetMessage
{
    /// <summary>Initializes a new instance of the <see cref="PasswordResetMessage"/> class.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="email">The user's address, where the message goes.</param>
    /// <param name="token">The secret, single-use reset token (put it in the link; never log it).</param>
    /// <param name="expiresAt">When the token stops working.</param>
    internal PasswordResetMessage(UserId userId, string email, string token, DateTimeOffset expiresAt)
    {
        UserId = userId;
        Email = email;
        Token = token;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the user.</summary>
    public UserId UserId { get; }

    /// <summary>Gets the user's address, where the message goes.</summary>
    public string Email { get; }

    /// <summary>Gets the secret, single-use reset token (put it in the link; never log it).</summary>
    public string Token { get; }

    /// <summary>Gets when the token stops working.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PasswordResetMessage {{ UserId = {UserId}, Email = {Email}, ExpiresAt = {ExpiresAt:O} }}");
}
