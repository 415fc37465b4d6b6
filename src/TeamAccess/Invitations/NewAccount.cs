namespace TeamAccess;

/// <summary>What a person without an account gives to accept an invitation by creating one.</summary>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="Password">
/// The password for the native provider; <see langword="null"/> when the person proves their identity through a
/// provider instead (required for a team that requires single sign-on).
/// </param>
public sealed record NewAccount(string FirstName, string LastName, string? Password)
{
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
