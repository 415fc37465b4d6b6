namespace TeamAccess.Storage;

/// <summary>
/// When API keys were last used, kept apart from every team (a use is no change of the team: it bumps no version and
/// feeds no change feed). Written in batches, at most once per key per flush interval
/// (<see cref="ApiKeyOptions.LastUsedFlushInterval"/>), never once per request.
/// </summary>
public interface IApiKeyUsageStore
{
    /// <summary>Records uses: each key's last-used time moves forward to its use's, never back.</summary>
    /// <param name="uses">The uses, at most one per key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the uses are stored.</returns>
    ValueTask RecordUsesAsync(IReadOnlyCollection<ApiKeyUse> uses, CancellationToken cancellationToken);

    /// <summary>Reads the last-used times of a team's keys (a key never used has none).</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The times by key.</returns>
    ValueTask<IReadOnlyDictionary<ApiKeyId, DateTimeOffset>> GetLastUsedAsync(TeamId teamId, CancellationToken cancellationToken);
}
