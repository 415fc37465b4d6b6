namespace TeamAccess.Storage;

/// <summary>
/// Reads the change feed for a named consumer, in feed order (so in commit order for each team), from the position
/// the consumer last stored: what a host uses to publish its own events or webhooks from TeamAccess's commits. Handle
/// a batch, then <see cref="AcknowledgeAsync"/> its last position; a consumer that stops before acknowledging reads the
/// batch again (at least once), and never misses an entry.
/// </summary>
public sealed class ChangeFeedReader
{
    /// <summary>The longest consumer name.</summary>
    public const int MaxConsumerLength = 100;

    private readonly IChangeFeed _feed;
    private readonly IChangeFeedCheckpoints _checkpoints;

    /// <summary>Creates a reader over a store's feed and checkpoints (both usually the same store).</summary>
    /// <param name="feed">The feed.</param>
    /// <param name="checkpoints">Where consumers' positions are kept.</param>
    public ChangeFeedReader(IChangeFeed feed, IChangeFeedCheckpoints checkpoints)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(checkpoints);
        _feed = feed;
        _checkpoints = checkpoints;
    }

    /// <summary>Reads the next entries after the consumer's stored position.</summary>
    /// <param name="consumer">The consumer's name.</param>
    /// <param name="limit">The most entries to return (1 to 10,000).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, in feed order; empty when the consumer is up to date.</returns>
    public async ValueTask<IReadOnlyList<ChangeFeedEntry>> ReadNextAsync(string consumer, int limit, CancellationToken cancellationToken = default)
    {
        CheckConsumer(consumer);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        var position = await _checkpoints.GetPositionAsync(consumer, cancellationToken).ConfigureAwait(false) ?? 0;
        return await _feed.ReadAsync(position, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores that the consumer has handled every entry up to and including <paramref name="position"/>.</summary>
    /// <param name="consumer">The consumer's name.</param>
    /// <param name="position">The last handled entry's position.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when stored.</returns>
    public ValueTask AcknowledgeAsync(string consumer, long position, CancellationToken cancellationToken = default)
    {
        CheckConsumer(consumer);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return _checkpoints.SetPositionAsync(consumer, position, cancellationToken);
    }

    private static void CheckConsumer(string consumer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(consumer.Length, MaxConsumerLength, nameof(consumer));
    }
}
