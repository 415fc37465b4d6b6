namespace TeamAccess.Accounts;

/// <summary>How a session's user proved themselves: its <c>amr</c> values and when a second factor was last proven.</summary>
/// <param name="Methods">The <c>amr</c> values, from <see cref="AuthenticationMethods"/>.</param>
/// <param name="SecondFactorAt">When a second factor was last proven in the session, if ever.</param>
internal sealed record SessionProof(IReadOnlyList<string> Methods, DateTimeOffset? SecondFactorAt)
{
    /// <summary>The proof of a first factor alone: a password, or an external provider.</summary>
    public static SessionProof FirstFactor(string provider) =>
        new([string.Equals(provider, IdentityProviderNames.Password, StringComparison.Ordinal) ? AuthenticationMethods.Password : AuthenticationMethods.External], null);

    /// <summary>
    /// The proof of a passkey alone, verified with its user (WebAuthn's UV flag: the device's PIN or biometric): two
    /// factors in one gesture, so <c>hwk</c> or <c>swk</c> and <c>mfa</c>, with a second factor proven <paramref name="at"/>.
    /// </summary>
    public static SessionProof Passkey(DateTimeOffset at, bool backupEligible) => new SessionProof([], null).WithPasskey(at, backupEligible);

    /// <summary>This proof with a passkey proven <paramref name="at"/>: <c>hwk</c> for a device-bound key, <c>swk</c> for one that may sync.</summary>
    public SessionProof WithPasskey(DateTimeOffset at, bool backupEligible) =>
        new([.. Methods.Where(m => m is not (AuthenticationMethods.HardwareKey or AuthenticationMethods.SoftwareKey or AuthenticationMethods.MultipleFactors)),
                backupEligible ? AuthenticationMethods.SoftwareKey : AuthenticationMethods.HardwareKey, AuthenticationMethods.MultipleFactors],
            DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()));

    /// <summary>
    /// This proof with a second factor the team's own provider proved <paramref name="at"/> (its id_token's <c>amr</c> or
    /// <c>acr</c>): <c>mfa</c> beside <c>ext</c>, with no method of this library's own.
    /// </summary>
    public SessionProof WithProviderSecondFactor(DateTimeOffset at) =>
        new([.. Methods.Where(m => m is not AuthenticationMethods.MultipleFactors), AuthenticationMethods.MultipleFactors], DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()));

    /// <summary>This proof with a second factor proven <paramref name="at"/> (truncated to whole seconds, as tokens carry it).</summary>
    public SessionProof WithSecondFactor(DateTimeOffset at) =>
        new([.. Methods.Where(m => m is not (AuthenticationMethods.OneTimePassword or AuthenticationMethods.MultipleFactors)), AuthenticationMethods.OneTimePassword, AuthenticationMethods.MultipleFactors],
            DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()));
}
