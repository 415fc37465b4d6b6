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

/// <summary>
/// Signing up through an external identity provider: the provider's token proves the person, whose verified email
/// becomes the user's, linked to the identity by (issuer, subject).
/// </summary>
/// <param name="Provider">The provider's registered name.</param>
/// <param name="Token">The provider's id_token.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="TeamName">The new team's name.</param>
/// <param name="TeamHandle">The new team's handle.</param>
public sealed record ExternalSignUpRequest(string Provider, string Token, string FirstName, string LastName, string TeamName, string TeamHandle)
{
    /// <summary>Gets the nonce the sign-in request sent, which the token must carry.</summary>
    public string? Nonce { get; init; }

    /// <summary>Never shows the token.</summary>
    /// <returns>The request without its token.</returns>
    public override string ToString() => $"ExternalSignUpRequest {{ Provider = {Provider}, TeamHandle = {TeamHandle} }}";
}

/// <summary>What signing up created.</summary>
/// <param name="User">The new user.</param>
/// <param name="Team">The new team.</param>
/// <param name="Membership">The user's Active membership in the guardian role.</param>
public sealed record SignUpResult(User User, Team Team, Membership Membership);
