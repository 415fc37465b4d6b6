namespace TeamAccess.Accounts;

/// <summary>
/// The default policy provider: the policy stored with the team, and, when it names providers the team configured for
/// itself, which of them are active now (read from the team's snapshot).
/// </summary>
internal sealed class StoredTeamSignInPolicyProvider(ITeamStore teams) : ITeamSignInPolicyProvider
{
    public async ValueTask<TeamSignInPolicy> GetAsync(TeamId teamId, CancellationToken cancellationToken)
    {
        var policy = (await teams.FindTeamAsync(teamId, cancellationToken).ConfigureAwait(false))?.SignInPolicy ?? TeamSignInPolicy.Open;
        if (!policy.NamesTeamProviders)
        {
            return policy;
        }

        var snapshot = await teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        return snapshot?.EffectiveSignInPolicy ?? TeamSignInPolicy.Open;
    }
}
