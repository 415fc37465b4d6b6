namespace TeamAccess.Accounts;

/// <summary>
/// Tells a team's sign-in policy. The default reads the policy stored with the team (<see cref="Team.SignInPolicy"/>);
/// a host may register its own.
/// </summary>
public interface ITeamSignInPolicyProvider
{
    /// <summary>Gets the team's sign-in policy.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The policy; <see cref="TeamSignInPolicy.Open"/> for an unknown team.</returns>
    ValueTask<TeamSignInPolicy> GetAsync(TeamId teamId, CancellationToken cancellationToken);
}
