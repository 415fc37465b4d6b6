namespace TeamAccess;

/// <summary>
/// What a person gives to sign up with a password: who they are, the password, and the team they start. The account
/// starts unconfirmed, and an activation message goes to the address. Signing up without a password is signing up
/// through an identity provider: <see cref="ExternalSignUpRequest"/>.
/// </summary>
/// <param name="Email">The email address (normalized on the way in).</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="TeamName">The new team's name.</param>
/// <param name="TeamHandle">The new team's handle, such as <c>maintenance-team</c>.</param>
public sealed record SignUpRequest(string Email, string FirstName, string LastName, string TeamName, string TeamHandle)
{
    /// <summary>Gets the password for the native provider, checked against the policy (failed criteria are listed in the error's details).</summary>
    public required string Password { get; init; }

    /// <summary>Never shows the password.</summary>
    /// <returns>The request without its password.</returns>
    public override string ToString() => $"SignUpRequest {{ Email = {Email}, TeamHandle = {TeamHandle} }}";
}
