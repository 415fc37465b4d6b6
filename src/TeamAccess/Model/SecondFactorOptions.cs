namespace TeamAccess;

/// <summary>How second factors (authenticator codes and recovery codes) are asked for and how long a proof counts.</summary>
public sealed class SecondFactorOptions
{
    /// <summary>
    /// Gets or sets how recent a second factor must be for a dangerous action (removing one's authenticator, regenerating
    /// recovery codes, deleting a team, offering or accepting ownership, changing the sign-in policy): older, the action
    /// answers <see cref="TeamAccessErrorCode.RecentSecondFactorRequired"/>. Default 10 minutes; 1 minute to 1 day.
    /// </summary>
    public TimeSpan StepUpWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets how long the ticket of a sign-in whose first factor was accepted waits for its second factor.
    /// Default 5 minutes; 1 to 30 minutes.
    /// </summary>
    public TimeSpan SignInTicketLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the issuer an authenticator app shows beside the account (the <c>issuer</c> of the
    /// <c>otpauth://</c> URI). Default <c>TeamAccess</c>; 1 to 100 characters, no colon.
    /// </summary>
    public string AuthenticatorIssuer { get; set; } = "TeamAccess";

    internal IEnumerable<string> Validate()
    {
        if (StepUpWindow < TimeSpan.FromMinutes(1) || StepUpWindow > TimeSpan.FromDays(1))
        {
            yield return $"SecondFactors.StepUpWindow must be between 1 minute and 1 day; it is {StepUpWindow}.";
        }

        if (SignInTicketLifetime < TimeSpan.FromMinutes(1) || SignInTicketLifetime > TimeSpan.FromMinutes(30))
        {
            yield return $"SecondFactors.SignInTicketLifetime must be between 1 and 30 minutes; it is {SignInTicketLifetime}.";
        }

        if (string.IsNullOrWhiteSpace(AuthenticatorIssuer) || AuthenticatorIssuer.Length > 100 || AuthenticatorIssuer.Contains(':', StringComparison.Ordinal))
        {
            yield return "SecondFactors.AuthenticatorIssuer needs 1 to 100 characters and no colon.";
        }
    }
}
