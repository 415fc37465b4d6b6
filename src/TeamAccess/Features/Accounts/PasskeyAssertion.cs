namespace TeamAccess.Accounts;

/// <summary>An assertion as the browser sent it: the credential id it names, its raw authenticator data, and the library's parsed response.</summary>
/// <param name="CredentialId">The credential id (<c>rawId</c>).</param>
/// <param name="AuthenticatorData">The raw authenticator data, for the counter and flags.</param>
/// <param name="Response">The parsed response, opaque outside <see cref="PasskeyCeremonies"/>.</param>
internal sealed record PasskeyAssertion(byte[] CredentialId, byte[] AuthenticatorData, object Response);
