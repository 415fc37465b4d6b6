namespace TeamAccess.Accounts;

/// <summary>A first factor accepted for one team: the membership, the user as judged, the provider, the team's policy.</summary>
/// <param name="Membership">The user's Active membership in the team.</param>
/// <param name="User">The user, with the session stamp the proof was judged under.</param>
/// <param name="Provider">The provider that judged the credential.</param>
/// <param name="Policy">The team's sign-in policy.</param>
internal sealed record ProvenFirstFactor(StoredMembership Membership, StoredUser User, string Provider, TeamSignInPolicy Policy)
{
    /// <summary>
    /// Gets whether the team's own provider proved a second factor itself: the guardian flagged it as enforcing one
    /// (<see cref="StoredTeamProvider.RequiresSecondFactor"/>) and its id_token says several factors were proven.
    /// </summary>
    public bool ProviderProvedSecondFactor { get; init; }

    /// <summary>
    /// What a session still needs beyond this first factor: nothing more when the team's provider proved a second factor
    /// (unless the team accepts passkeys only); otherwise a second factor when the user has an authenticator or the team
    /// requires one; enrolment first when the team requires one and the user has none.
    /// </summary>
    public TeamAccessErrorCode? SecondFactorDemand => ProviderProvedSecondFactor && !Policy.PasskeyRequired ? null : SecondFactorGate.Demand(User, Policy);

    /// <summary>How the session issued on this first factor alone was proven: with a second factor at <paramref name="now"/> when the provider proved one.</summary>
    /// <param name="now">The time of the sign-in.</param>
    /// <returns>The proof.</returns>
    public SessionProof Proof(DateTimeOffset now) =>
        ProviderProvedSecondFactor ? SessionProof.FirstFactor(Provider).WithProviderSecondFactor(now) : SessionProof.FirstFactor(Provider);
}
