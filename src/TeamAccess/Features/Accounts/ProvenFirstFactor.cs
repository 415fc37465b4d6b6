namespace TeamAccess.Accounts;

/// <summary>A first factor accepted for one team: the membership, the user as judged, the provider, the team's policy.</summary>
/// <param name="Membership">The user's Active membership in the team.</param>
/// <param name="User">The user, with the session stamp the proof was judged under.</param>
/// <param name="Provider">The provider that judged the credential.</param>
/// <param name="Policy">The team's sign-in policy.</param>
internal sealed record ProvenFirstFactor(StoredMembership Membership, StoredUser User, string Provider, TeamSignInPolicy Policy)
{
    /// <summary>
    /// What a session still needs beyond this first factor: a second factor when the user has an authenticator or the team
    /// requires one; enrolment first when the team requires one and the user has none.
    /// </summary>
    public TeamAccessErrorCode? SecondFactorDemand => SecondFactorGate.Demand(User, Policy);
}
