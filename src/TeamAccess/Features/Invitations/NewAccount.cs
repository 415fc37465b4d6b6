using TeamAccess.Accounts;

namespace TeamAccess.Invitations;

/// <summary>What a person without an account gives to accept an invitation by creating one.</summary>
public sealed class NewAccount
{
    /// <summary>Initializes a new instance of the <see cref="NewAccount"/> class.</summary>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <param name="password">The password for the native provider; <see langword="null"/> when the person proves their identity through a provider instead (required for a team that requires single sign-on).</param>
    public NewAccount(string firstName, string lastName, string? password)
    {
        FirstName = firstName;
        LastName = lastName;
        Password = password;
    }

    /// <summary>Gets the first name.</summary>
    public string FirstName { get; }

    /// <summary>Gets the last name.</summary>
    public string LastName { get; }

    /// <summary>Gets the password for the native provider; <see langword="null"/> when the person proves their identity through a provider instead (required for a team that requires single sign-on).</summary>
    public string? Password { get; }

    /// <summary>
    /// Gets the token of the team's single sign-on provider (<see cref="SignInCredential.ForToken"/>), when accepting
    /// through it: the provider validates it, and the new user is linked to the identity by (issuer, subject). Given
    /// beside a password, it is linked only when the team accepts its provider and its verified email is the invited
    /// address; otherwise the accept is refused (ProviderNotAccepted, EmailMismatch) and nothing is created.
    /// </summary>
    public SignInCredential? Credential { get; init; }

    /// <summary>Never shows the password.</summary>
    /// <returns>The names.</returns>
    public override string ToString() => $"NewAccount {{ FirstName = {FirstName}, LastName = {LastName} }}";
}
