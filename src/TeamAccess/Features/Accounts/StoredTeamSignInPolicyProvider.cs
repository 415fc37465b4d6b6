namespace TeamAccess.Accounts;

/// <summary>The default policy provider: the policy stored with the team.</summary>
internal sealed class StoredTeamSignInPolicyProvider(ITeamStore teams) : ITeamSignInPolicyProvider
{
    public async ValueTask<TeamSignInPolicy> GetAsync(TeamId teamId, CancellationToken cancellationToken) =>
        (await teams.FindTeamAsync(teamId, cancellationToken).ConfigureAwait(false))?.SignInPolicy ?? TeamSignInPolicy.Open;
}
