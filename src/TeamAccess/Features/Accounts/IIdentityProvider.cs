namespace TeamAccess.Accounts;

/// <summary>
/// An external identity provider, registered by name: it proves who someone is from a token the provider issued (an
/// OpenID Connect id_token), and nothing else. TeamAccess decides what that identity may do. The native password
/// provider is built in under <see cref="IdentityProviderNames.Password"/>.
/// </summary>
public interface IIdentityProvider
{
    /// <summary>Gets the name under which teams' policies and sessions refer to the provider, such as <c>acme-sso</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Gets whom the provider serves: <see cref="IdentityProviderScope.TeamBound"/> (the default: a team's SSO, accepted
    /// only by teams that name it) or <see cref="IdentityProviderScope.Global"/> (the host's own, such as Google).
    /// </summary>
    IdentityProviderScope Scope => IdentityProviderScope.TeamBound;

    /// <summary>
    /// Tells whether the host marked the provider authoritative for an email domain: only then does the provider's
    /// verified email prove an address of that domain, so that a first sign-in may link to the existing user with that
    /// address. The default is <see langword="false"/> for every domain.
    /// </summary>
    /// <param name="domain">The lower-case domain of a normalized address, such as <c>acme.example</c>.</param>
    /// <returns><see langword="true"/> when the host marked the provider authoritative for exactly that domain.</returns>
    bool IsAuthoritativeFor(string domain) => false;

    /// <summary>Validates a token the provider issued.</summary>
    /// <param name="token">The token, such as an id_token.</param>
    /// <param name="nonce">The nonce the sign-in request sent, which the token must carry; <see langword="null"/> when none was sent.</param>
    /// <param name="cancellationToken">Cancels the validation (a key refresh may fetch).</param>
    /// <returns>The proven identity, or <see cref="TeamAccessErrorCode.InvalidToken"/>.</returns>
    ValueTask<Result<ExternalIdentity>> ValidateAsync(string token, string? nonce, CancellationToken cancellationToken);
}
