namespace TeamAccess.Accounts;

/// <summary>How a session's user proved themselves: its <c>amr</c> values and when a second factor was last proven.</summary>
/// <param name="Methods">The <c>amr</c> values, from <see cref="AuthenticationMethods"/>.</param>
/// <param name="SecondFactorAt">When a second factor was last proven in the session, if ever.</param>
internal sealed record SessionProof(IReadOnlyList<string> Methods, DateTimeOffset? SecondFactorAt)
{
    /// <summary>The proof of a first factor alone: a password, or an external provider.</summary>
    public static SessionProof FirstFactor(string provider) =>
        new([string.Equals(provider, IdentityProviderNames.Password, StringComparison.Ordinal) ? AuthenticationMethods.Password : AuthenticationMethods.External], null);

    /// <summary>This proof with a second factor proven <paramref name="at"/> (truncated to whole seconds, as tokens carry it).</summary>
    public SessionProof WithSecondFactor(DateTimeOffset at) =>
        new([.. Methods.Where(m => m is not (AuthenticationMethods.OneTimePassword or AuthenticationMethods.MultipleFactors)), AuthenticationMethods.OneTimePassword, AuthenticationMethods.MultipleFactors],
            DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()));
}
