namespace TeamAccess.AspNetCore.UI;

/// <summary>
/// The host's resources of a team (its devices, its projects), so that the Groups page offers them to pick from instead of
/// a typed id. Optional: without one registered, the page asks for the resource's id.
/// </summary>
public interface ITeamResourceCatalog
{
    /// <summary>Lists the team's resources that may be granted, in the order to show them.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The resources.</returns>
    ValueTask<IReadOnlyList<TeamResource>> ListAsync(TeamId teamId, CancellationToken cancellationToken);
}
