namespace TeamAccess;

/// <summary>
/// A person who signs in, identified by a normalized email address that editing never changes. The host's view of a
/// user: it carries no password hash, stamp, counter, lockout or token hash, so a host may serialize or log it.
/// </summary>
public sealed class User
{
    // Built from the stored record only at the service boundary (Writes/Views.cs).
    internal User(UserId id, string email, string firstName, string lastName, DateTimeOffset createdAt, bool emailConfirmed, bool authenticatorEnabled, int recoveryCodesLeft)
    {
        Id = id;
        Email = email;
        FirstName = firstName;
        LastName = lastName;
        CreatedAt = createdAt;
        EmailConfirmed = emailConfirmed;
        AuthenticatorEnabled = authenticatorEnabled;
        RecoveryCodesLeft = recoveryCodesLeft;
    }

    /// <summary>Gets the user's id.</summary>
    public UserId Id { get; }

    /// <summary>Gets the normalized email address (see <see cref="EmailAddress"/>), unique across users.</summary>
    public string Email { get; }

    /// <summary>Gets the first name.</summary>
    public string FirstName { get; }

    /// <summary>Gets the last name.</summary>
    public string LastName { get; }

    /// <summary>Gets when the user was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>
    /// Gets whether the email address is proven: by the activation link, by accepting an invitation sent to it, or by an
    /// identity provider the host made authoritative for its domain.
    /// </summary>
    public bool EmailConfirmed { get; }

    /// <summary>Gets whether the user has a confirmed authenticator app (a second factor).</summary>
    public bool AuthenticatorEnabled { get; }

    /// <summary>Gets how many of the user's recovery codes are left unused (counted down as they are used; ten after each generation).</summary>
    public int RecoveryCodesLeft { get; }
}
