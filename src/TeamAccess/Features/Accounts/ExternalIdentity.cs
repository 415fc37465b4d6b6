namespace TeamAccess.Accounts;

/// <summary>
/// An identity that an identity provider has already proven (an id_token validated against the provider's keys, issuer,
/// audience and lifetime). It links to a user by (<see cref="Issuer"/>, <see cref="Subject"/>); its email claim picks an
/// existing, confirmed user only when verified and when the host made the provider authoritative for the address's domain
/// (<see cref="IIdentityProvider.IsAuthoritativeFor"/>).
/// </summary>
public sealed class ExternalIdentity
{
    /// <summary>Initializes a new instance of the <see cref="ExternalIdentity"/> class.</summary>
    /// <param name="provider">The name under which the host registered the provider, such as <c>acme-sso</c>.</param>
    /// <param name="issuer">The token's issuer.</param>
    /// <param name="subject">The token's subject: the user's stable id at the provider.</param>
    /// <param name="email">The email claim, if any.</param>
    /// <param name="emailVerified">Whether the provider marks the email as verified.</param>
    public ExternalIdentity(string provider, string issuer, string subject, string? email, bool emailVerified)
    {
        Provider = provider;
        Issuer = issuer;
        Subject = subject;
        Email = email;
        EmailVerified = emailVerified;
    }

    /// <summary>Gets the name under which the host registered the provider, such as <c>acme-sso</c>.</summary>
    public string Provider { get; init; }

    /// <summary>Gets the token's issuer.</summary>
    public string Issuer { get; init; }

    /// <summary>Gets the token's subject: the user's stable id at the provider.</summary>
    public string Subject { get; init; }

    /// <summary>Gets the email claim, if any.</summary>
    public string? Email { get; init; }

    /// <summary>Gets whether the provider marks the email as verified.</summary>
    public bool EmailVerified { get; init; }

    /// <summary>
    /// Gets whether the token says the person proved several factors at the provider: <c>amr</c> holds <c>mfa</c>
    /// (RFC 8176), or <c>acr</c> is the multi-factor policy of OpenID PAPE. It counts as a second factor only for a
    /// team's own provider flagged <see cref="TeamAccess.TeamSso.TeamProviderRequest.RequiresSecondFactor"/>.
    /// </summary>
    internal bool ProvedMultipleFactors { get; init; }
}
