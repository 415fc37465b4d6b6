namespace TeamAccess;

/// <summary>
/// An identity that an identity provider has already proven (an id_token validated against the provider's keys, issuer,
/// audience and lifetime). It links to a user by (<see cref="Issuer"/>, <see cref="Subject"/>); its email claim picks an
/// existing, confirmed user only when verified and when the host made the provider authoritative for the address's domain
/// (<see cref="IIdentityProvider.IsAuthoritativeFor"/>).
/// </summary>
/// <param name="Provider">The name under which the host registered the provider, such as <c>acme-sso</c>.</param>
/// <param name="Issuer">The token's issuer.</param>
/// <param name="Subject">The token's subject: the user's stable id at the provider.</param>
/// <param name="Email">The email claim, if any.</param>
/// <param name="EmailVerified">Whether the provider marks the email as verified.</param>
public sealed record ExternalIdentity(string Provider, string Issuer, string Subject, string? Email, bool EmailVerified);
