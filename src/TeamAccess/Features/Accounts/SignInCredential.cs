namespace TeamAccess.Accounts;

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
