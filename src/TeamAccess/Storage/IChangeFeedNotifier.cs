namespace TeamAccess.Storage;

/// <summary>
/// An optional wake-up for change-feed followers: it tells that something was committed (it carries no payload), so
/// followers read the feed at once instead of at their next poll. Polling alone still meets the staleness bound; a
/// notifier only makes it usually milliseconds. The PostgreSQL one listens to the store's payload-free NOTIFY.
/// </summary>
public interface IChangeFeedNotifier
{
    /// <summary>
    /// Calls <paramref name="changed"/> whenever a commit may have appended to the feed, until cancelled. Reconnects on
    /// its own after a dropped connection (calling <paramref name="changed"/> once it is back, since notifications may
    /// have been missed meanwhile); returns only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="changed">Called on every notification; must not block.</param>
    /// <param name="cancellationToken">Stops listening.</param>
    /// <returns>A task that completes when listening stops.</returns>
    Task ListenAsync(Action changed, CancellationToken cancellationToken);
}
