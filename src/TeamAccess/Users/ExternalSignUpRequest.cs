namespace TeamAccess;

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
