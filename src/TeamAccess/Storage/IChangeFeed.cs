namespace TeamAccess.Storage;

/// <summary>
/// The change feed a store keeps: every commit appends, in its own transaction, one entry per team and per user it
/// changed. Every instance of a host follows it to keep its permission index current, so a store shared by several
/// instances must implement it. Positions must increase in commit order: a reader that has read up to position p must
/// never later meet a committed entry below p (on PostgreSQL, where sequence values are handed out in start order, the
/// EF Core store takes a transaction-level lock before it numbers the entries, so numbering follows commit order).
/// </summary>
public interface IChangeFeed
{
    /// <summary>Reads the newest position, or 0 when the feed is empty: where a follower starts before a full load.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The position.</returns>
    ValueTask<long> GetHeadAsync(CancellationToken cancellationToken);

    /// <summary>Reads the entries after a position, in position order.</summary>
    /// <param name="after">The last position already read (0 for the start).</param>
    /// <param name="limit">The most entries to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>At most <paramref name="limit"/> entries.</returns>
    ValueTask<IReadOnlyList<ChangeFeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken);
}
