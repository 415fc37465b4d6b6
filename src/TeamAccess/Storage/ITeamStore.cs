namespace TeamAccess.Storage;

/// <summary>Reads teams as whole snapshots. Writes go through <see cref="IChangeStore"/>.</summary>
public interface ITeamStore
{
    /// <summary>Loads a team with its memberships, groups and grants.</summary>
    /// <param name="id">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot, or <see langword="null"/> when there is no such team.</returns>
    ValueTask<TeamSnapshot?> LoadAsync(TeamId id, CancellationToken cancellationToken);

    /// <summary>
    /// Finds one membership of an Active team without loading the team: what validating a session needs on every
    /// request. A membership of a deleted team, or of another team, is not found.
    /// </summary>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The membership.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The membership, or <see langword="null"/>.</returns>
    ValueTask<StoredMembership?> FindMembershipAsync(TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken);

    /// <summary>Reads a team alone, without its memberships, groups and grants (its name, status and sign-in policy).</summary>
    /// <param name="id">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The team, or <see langword="null"/>.</returns>
    ValueTask<Team?> FindTeamAsync(TeamId id, CancellationToken cancellationToken);

    /// <summary>Finds a team's id by its handle.</summary>
    /// <param name="handle">The handle.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The id, or <see langword="null"/>.</returns>
    ValueTask<TeamId?> FindIdByHandleAsync(string handle, CancellationToken cancellationToken);

    /// <summary>Lists the teams in which the user has a non-terminal membership.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The team ids.</returns>
    IAsyncEnumerable<TeamId> ListTeamIdsForUserAsync(UserId userId, CancellationToken cancellationToken);

    /// <summary>Loads every team, for building the permission index at start-up.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshots.</returns>
    IAsyncEnumerable<TeamSnapshot> LoadAllAsync(CancellationToken cancellationToken);
}
