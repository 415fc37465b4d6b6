namespace TeamAccess.Accounts;

/// <summary>
/// Signing up through an external identity provider: the provider's token proves the person, whose verified email
/// becomes the user's, linked to the identity by (issuer, subject).
/// </summary>
public sealed class ExternalSignUpRequest
{
    /// <summary>Initializes a new instance of the <see cref="ExternalSignUpRequest"/> class.</summary>
    /// <param name="provider">The provider's registered name.</param>
    /// <param name="token">The provider's id_token.</param>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <param name="teamName">The new team's name.</param>
    /// <param name="teamHandle">The new team's handle.</param>
    public ExternalSignUpRequest(string provider, string token, string firstName, string lastName, string teamName, string teamHandle)
    {
        Provider = provider;
        Token = token;
        FirstName = firstName;
        LastName = lastName;
        TeamName = teamName;
        TeamHandle = teamHandle;
    }

    /// <summary>Gets the provider's registered name.</summary>
    public string Provider { get; }

    /// <summary>Gets the provider's id_token.</summary>
    public string Token { get; }

    /// <summary>Gets the first name.</summary>
    public string FirstName { get; }

    /// <summary>Gets the last name.</summary>
    public string LastName { get; }

    /// <summary>Gets the new team's name.</summary>
    public string TeamName { get; }

    /// <summary>Gets the new team's handle.</summary>
    public string TeamHandle { get; }

    /// <summary>Gets the nonce the sign-in request sent, which the token must carry.</summary>
    public string? Nonce { get; init; }

    /// <summary>Never shows the token.</summary>
    /// <returns>The request without its token.</returns>
    public override string ToString() => $"ExternalSignUpRequest {{ Provider = {Provider}, TeamHandle = {TeamHandle} }}";
}
