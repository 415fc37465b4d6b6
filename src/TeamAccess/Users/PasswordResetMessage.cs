using Microsoft.Extensions.Logging;

namespace TeamAccess;

/// <summary>A password reset to deliver to a user's address. Its <see cref="ToString"/> never shows the token.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Email">The user's address, where the message goes.</param>
/// <param name="Token">The secret, single-use reset token (put it in the link; never log it).</param>
/// <param name="ExpiresAt">When the token stops working.</param>
public sealed record PasswordResetMessage(UserId UserId, string Email, string Token, DateTimeOffset ExpiresAt)
{
    // The generated ToString would print the token.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"UserId = {UserId}, Email = {Email}, ExpiresAt = {ExpiresAt:O}");
        return true;
    }
}
