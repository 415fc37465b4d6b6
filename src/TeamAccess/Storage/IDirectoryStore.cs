namespace TeamAccess.Storage;

/// <summary>
/// What the directory (SCIM 2.0) reads of a team: its people's current memberships with their names, found by address,
/// by the directory's <c>externalId</c> or by id, and paged by position (SCIM's <c>startIndex</c> and <c>count</c>).
/// Service accounts are never directory members. Every query is served by an index of the team.
/// </summary>
public interface IDirectoryStore
{
    /// <summary>Reads one page of a team's current person memberships, in address order (then id), and how many match.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The filter and the page.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page and the number of matching memberships.</returns>
    ValueTask<DirectoryMemberPage> ListDirectoryMembersAsync(TeamId teamId, DirectoryMemberQuery query, CancellationToken cancellationToken);
}
