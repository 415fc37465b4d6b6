namespace TeamAccess.Accounts;

/// <summary>
/// What a person gives to sign up with a password: who they are, the password, and the team they start. The account
/// starts unconfirmed, and an activation message goes to the address. Signing up without a password is signing up
/// through an identity provider: <see cref="ExternalSignUpRequest"/>.
/// </summary>
public sealed class SignUpRequest
{
    /// <summary>Initializes a new instance of the <see cref="SignUpRequest"/> class.</summary>
    /// <param name="email">The email address (normalized on the way in).</param>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <param name="teamName">The new team's name.</param>
    /// <param name="teamHandle">The new team's handle, such as <c>maintenance-team</c>.</param>
    public SignUpRequest(string email, string firstName, string lastName, string teamName, string teamHandle)
    {
        Email = email;
        FirstName = firstName;
        LastName = lastName;
        TeamName = teamName;
        TeamHandle = teamHandle;
    }

    /// <summary>Gets the email address (normalized on the way in).</summary>
    public string Email { get; }

    /// <summary>Gets the first name.</summary>
    public string FirstName { get; }

    /// <summary>Gets the last name.</summary>
    public string LastName { get; }

    /// <summary>Gets the new team's name.</summary>
    public string TeamName { get; }

    /// <summary>Gets the new team's handle, such as <c>maintenance-team</c>.</summary>
    public string TeamHandle { get; }

    /// <summary>Gets the password for the native provider, checked against the policy (failed criteria are listed in the error's details).</summary>
    public required string Password { get; init; }

    /// <summary>Never shows the password.</summary>
    /// <returns>The request without its password.</returns>
    public override string ToString() => $"SignUpRequest {{ Email = {Email}, TeamHandle = {TeamHandle} }}";
}
