namespace TeamAccess.Accounts;

/// <summary>When a second factor is owed, and which kind counts: one rule for sign-in, switching, the sign-in ticket and validation.</summary>
internal static class SecondFactorGate
{
    /// <summary>Whether the user has a second factor to prove: a confirmed authenticator or a passkey.</summary>
    public static bool HasSecondFactor(StoredUser user) => user.AuthenticatorConfirmedAt is not null || user.PasskeyCount > 0;

    /// <summary>What a sign-in of <paramref name="user"/> into a team with <paramref name="policy"/> owes after its first factor.</summary>
    public static TeamAccessErrorCode? Demand(StoredUser user, TeamSignInPolicy policy)
    {
        if (policy.PasskeyRequired)
        {
            return user.PasskeyCount > 0 ? TeamAccessErrorCode.PasskeyRequired : TeamAccessErrorCode.PasskeyEnrolmentRequired;
        }

        if (HasSecondFactor(user))
        {
            return TeamAccessErrorCode.SecondFactorRequired;
        }

        return policy.SecondFactorRequired ? TeamAccessErrorCode.SecondFactorEnrolmentRequired : null;
    }

    /// <summary>What the team's policy still asks of a session: a passkey (passkey only), any second factor, or nothing.</summary>
    public static TeamAccessErrorCode? Unmet(TeamSignInPolicy policy, SessionInfo session)
    {
        if (policy.PasskeyRequired && !ProvedPasskey(session.AuthenticationMethods))
        {
            return TeamAccessErrorCode.PasskeyRequired;
        }

        return policy.RequiresSecondFactor && session.SecondFactorAt is null ? TeamAccessErrorCode.SecondFactorRequired : null;
    }

    private static bool ProvedPasskey(IReadOnlyList<string> methods) =>
        methods.Contains(AuthenticationMethods.HardwareKey, StringComparer.Ordinal) || methods.Contains(AuthenticationMethods.SoftwareKey, StringComparer.Ordinal);
}
