namespace TeamAccess.Storage;

/// <summary>
/// Finds the teams with something past its expiry: an invitation still Invited, an ownership offer still open, or an API
/// key whose expiry is not recorded yet. The
/// library's expiry sweep closes them through the team's own write, so that each expiry is one audited event at about
/// its time, emitted once across instances.
/// </summary>
/// <remarks>
/// A store answers from an index on the expiry time, so a sweep costs what is due, not what is stored (1M invitations
/// that expire next month cost nothing today). Deleted teams are left out: nothing of theirs changes any more.
/// </remarks>
public interface IExpiryStore
{
    /// <summary>
    /// Lists up to <paramref name="limit"/> teams, not deleted, with an Invited membership whose invitation expires at or
    /// before <paramref name="now"/>, or an ownership offer that does, or an unrevoked API key whose expiry is due and not
    /// recorded yet (<see cref="StoredApiKey.ExpiryRecordedAt"/>); each team once, in no promised order.
    /// </summary>
    /// <param name="now">The time expiry is judged at.</param>
    /// <param name="limit">The most teams to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The teams.</returns>
    ValueTask<IReadOnlyList<TeamId>> ListTeamsWithExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
