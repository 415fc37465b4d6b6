namespace TeamAccess;

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

/// <summary>What proves a person at sign-in: a password, or a token from a registered identity provider.</summary>
public abstract class SignInCredential
{
    private protected SignInCredential()
    {
    }

    /// <summary>Gets the name of the provider that judges the credential.</summary>
    public abstract string Provider { get; }

    /// <summary>A native password credential. A missing email or password is answered as wrong credentials, not thrown.</summary>
    /// <param name="email">The email address as typed.</param>
    /// <param name="password">The password.</param>
    /// <returns>The credential.</returns>
    public static SignInCredential ForPassword(string email, string password) => new PasswordCredential(email, password);

    /// <summary>A token issued by a registered identity provider. A missing provider or token is answered with a code, not thrown.</summary>
    /// <param name="provider">The provider's registered name.</param>
    /// <param name="token">The id_token.</param>
    /// <param name="nonce">The nonce the sign-in request sent, if any.</param>
    /// <returns>The credential.</returns>
    public static SignInCredential ForToken(string provider, string token, string? nonce = null) => new TokenCredential(provider, token, nonce);

    /// <summary>Never shows the secret.</summary>
    /// <returns>The provider's name.</returns>
    public override string ToString() => $"{Provider} credential";
}

/// <summary>An email and password for the native provider.</summary>
internal sealed class PasswordCredential(string email, string password) : SignInCredential
{
    // A missing field is a wrong credential (answered InvalidCredentials after the same work), not a crash.
    public string Email { get; } = email ?? "";

    public string Password { get; } = password ?? "";

    public override string Provider => IdentityProviderNames.Password;
}

/// <summary>A token for an external provider.</summary>
internal sealed class TokenCredential(string provider, string token, string? nonce) : SignInCredential
{
    // A missing token or provider is refused by the service with a code (InvalidToken, UnknownProvider), not a crash.
    public string Token { get; } = token ?? "";

    public string? Nonce { get; } = nonce;

    public override string Provider { get; } = provider ?? "";
}
