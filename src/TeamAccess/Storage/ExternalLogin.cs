namespace TeamAccess.Storage;

/// <summary>A user's link to an identity at an external provider: by (<see cref="Issuer"/>, <see cref="Subject"/>), never by email.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Provider">The name under which the host registered the provider.</param>
/// <param name="Issuer">The provider's issuer.</param>
/// <param name="Subject">The user's stable id at the provider.</param>
public sealed record ExternalLogin(UserId UserId, string Provider, string Issuer, string Subject);
