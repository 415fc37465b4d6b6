namespace TeamAccess.Accounts;

/// <summary>
/// A note to an address that already has an account, sent when someone signs up with it through
/// <see cref="IUserService.RequestSignUpAsync"/>: the form answers as for a fresh address, and the owner learns of the
/// attempt here instead (and where to sign in or reset the password). It carries no secret.
/// </summary>
public sealed class AccountExistsMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="userId">The account that has the address.</param>
    /// <param name="email">The address, where the message goes.</param>
    /// <param name="firstName">The owner's first name, for the greeting.</param>
    /// <param name="requestedAt">When the sign-up was tried.</param>
    public AccountExistsMessage(UserId userId, string email, string firstName, DateTimeOffset requestedAt)
    {
        UserId = userId;
        Email = email;
        FirstName = firstName;
        RequestedAt = requestedAt;
    }

    /// <summary>Gets the account that has the address.</summary>
    public UserId UserId { get; }

    /// <summary>Gets the address.</summary>
    public string Email { get; }

    /// <summary>Gets the owner's first name.</summary>
    public string FirstName { get; }

    /// <summary>Gets when the sign-up was tried.</summary>
    public DateTimeOffset RequestedAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"Account exists for {Email}, sign-up tried {RequestedAt:u}";
}
