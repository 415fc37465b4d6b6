namespace TeamAccess.Storage;

/// <summary>A user's link to an identity at an external provider: by (<see cref="Issuer"/>, <see cref="Subject"/>), never by email.</summary>
public sealed class ExternalLogin
{
    /// <summary>Initializes a new instance of the <see cref="ExternalLogin"/> class.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="provider">The name under which the host registered the provider.</param>
    /// <param name="issuer">The provider's issuer.</param>
    /// <param name="subject">The user's stable id at the provider.</param>
    public ExternalLogin(UserId userId, string provider, string issuer, string subject)
    {
        UserId = userId;
        Provider = provider;
        Issuer = issuer;
        Subject = subject;
    }

    /// <summary>Gets the user.</summary>
    public UserId UserId { get; }

    /// <summary>Gets the name under which the host registered the provider.</summary>
    public string Provider { get; }

    /// <summary>Gets the provider's issuer.</summary>
    public string Issuer { get; }

    /// <summary>Gets the user's stable id at the provider.</summary>
    public string Subject { get; }
}
