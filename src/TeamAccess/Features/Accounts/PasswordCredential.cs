namespace TeamAccess.Accounts;

/// <summary>An email and password for the native provider.</summary>
internal sealed class PasswordCredential(string email, string password) : SignInCredential
{
    // A missing field is a wrong credential (answered InvalidCredentials after the same work), not a crash.
    public string Email { get; } = email ?? "";

    public string Password { get; } = password ?? "";

    public override string Provider => IdentityProviderNames.Password;
}
