namespace TeamAccess.Storage;

/// <summary>Reads of <see cref="ITeamStore"/> that services need whole before they act on them.</summary>
internal static class TeamStoreExtensions
{
    /// <summary>
    /// The user's team ids, read to the end before the caller loads or writes anything: a caller that loaded teams while
    /// the list was still being read would hold a reader open on one connection while asking for others, which on SQLite
    /// (one writer, readers that block a commit) deadlocks against a concurrent commit until the busy time-out.
    /// </summary>
    public static async ValueTask<List<TeamId>> ListTeamIdsForUserToEndAsync(this ITeamStore teams, UserId userId, CancellationToken cancellationToken)
    {
        var ids = new List<TeamId>();
        await foreach (var id in teams.ListTeamIdsForUserAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(id);
        }

        return ids;
    }
}
