namespace TeamAccess.Storage;

/// <summary>
/// Counts tries against a limit, apart from every team: a row per key with a count and the time its window ends. The
/// library counts anonymous invitation-code tries here (per invitation send, to lock a code after
/// <see cref="InvitationOptions.MaxCodeAttempts"/> wrong ones; and per address and per team, to rate-limit), so that a
/// try never bumps a team's version, writes an audit row or makes other instances reload the team.
/// </summary>
/// <remarks>
/// Each call is one atomic step on one key: tries racing on a key never count past <c>limit</c>. A store keeps one row
/// per key found by its key (an index or primary key), and drops rows whose window ended whenever it likes (the EF Core
/// and in-memory stores drop them when they add a row); a dropped row counts as a new window.
/// </remarks>
public interface ITryCounterStore
{
    /// <summary>
    /// Counts one try on <paramref name="key"/> if that stays within <paramref name="limit"/>: a key without a row, or
    /// whose window ended by <paramref name="now"/>, starts a window ending at <paramref name="windowEndsAt"/> with a count
    /// of 1; otherwise the count grows by one while it is below <paramref name="limit"/>.
    /// </summary>
    /// <param name="key">What is counted, at most <see cref="MaxKeyLength"/> characters.</param>
    /// <param name="limit">The most tries the window takes; at least 1.</param>
    /// <param name="now">The time of the try.</param>
    /// <param name="windowEndsAt">When a window this try starts ends; later than <paramref name="now"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when the try was counted; <see langword="false"/>, changing nothing, when the key's window is full.</returns>
    ValueTask<bool> TryCountAsync(string key, int limit, DateTimeOffset now, DateTimeOffset windowEndsAt, CancellationToken cancellationToken);

    /// <summary>Takes back one try counted on <paramref name="key"/> (a count never goes below zero; a missing key is left missing).</summary>
    /// <param name="key">The key a try was counted on.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the count is lowered.</returns>
    ValueTask UncountAsync(string key, CancellationToken cancellationToken);

    /// <summary>The longest key a store must hold: 200 characters.</summary>
    public const int MaxKeyLength = 200;
}
