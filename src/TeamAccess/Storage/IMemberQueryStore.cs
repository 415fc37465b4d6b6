namespace TeamAccess.Storage;

/// <summary>
/// Reads a team's members a page at a time, without loading the team: one query for the page with the users' names
/// joined, and on the first page one for the count. A store that holds many members implements it with an index on (team, email, id).
/// </summary>
public interface IMemberQueryStore
{
    /// <summary>Finds the user's non-terminal membership in the team, with the team, to authorize a read.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The team and the membership (or <see langword="null"/>); <see langword="null"/> when there is no such team.</returns>
    ValueTask<(Team Team, StoredMembership? Membership)?> FindTeamAndCurrentMembershipAsync(TeamId teamId, UserId userId, CancellationToken cancellationToken);

    /// <summary>Lists one page of the team's members.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The filters, page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    ValueTask<MemberPage> ListMembersAsync(TeamId teamId, MemberQuery query, CancellationToken cancellationToken);
}
