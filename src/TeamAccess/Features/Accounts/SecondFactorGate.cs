namespace TeamAccess.Accounts;

/// <summary>When a second factor is owed: one rule for sign-in, switching and the sign-in ticket.</summary>
internal static class SecondFactorGate
{
    public static TeamAccessErrorCode? Demand(StoredUser user, TeamSignInPolicy policy)
    {
        if (user.AuthenticatorConfirmedAt is not null)
        {
            return TeamAccessErrorCode.SecondFactorRequired;
        }

        return policy.SecondFactorRequired ? TeamAccessErrorCode.SecondFactorEnrolmentRequired : null;
    }
}
