namespace TeamAccess.Storage;

/// <summary>
/// Stored positions of named change-feed consumers (an event publisher, an outbox relay), so that a consumer resumes
/// after a restart where it stopped: at least once, never skipping. Kept in the same store as the feed.
/// </summary>
public interface IChangeFeedCheckpoints
{
    /// <summary>
    /// Reads a consumer's stored position, or <see langword="null"/> when none was ever stored (a stored 0 is a position:
    /// a consumer that began before the first entry; it is not the same as a consumer that never began).
    /// </summary>
    /// <param name="consumer">The consumer's name (1 to 100 characters).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The position, or <see langword="null"/>.</returns>
    ValueTask<long?> GetPositionAsync(string consumer, CancellationToken cancellationToken);

    /// <summary>Stores a consumer's position: the last entry it has fully handled. A position lower than the stored one is ignored.</summary>
    /// <param name="consumer">The consumer's name (1 to 100 characters).</param>
    /// <param name="position">The position.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the position is stored.</returns>
    ValueTask SetPositionAsync(string consumer, long position, CancellationToken cancellationToken);
}
