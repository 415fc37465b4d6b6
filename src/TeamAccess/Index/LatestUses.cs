using System.Collections.Concurrent;

namespace TeamAccess.Index;

/// <summary>
/// The latest use of each thing this instance saw (an API key, a session), refreshed at most once a second, handed to a
/// store in one batch per flush, so that a request that uses one writes nothing. On a failed write the batch waits for
/// the next flush, the newer use of a thing kept.
/// </summary>
/// <typeparam name="TKey">What is used.</typeparam>
internal sealed class LatestUses<TKey>
    where TKey : notnull
{
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(1);
    private ConcurrentDictionary<TKey, DateTimeOffset> _pending = new();

    /// <summary>Gets how many things have a use waiting for the next flush.</summary>
    public int Count => Volatile.Read(ref _pending).Count;

    /// <summary>Records a use at <paramref name="at"/>, unless one less than a second older is waiting.</summary>
    public void Record(TKey key, DateTimeOffset at)
    {
        var pending = Volatile.Read(ref _pending);
        if (pending.TryGetValue(key, out var seen) && at - seen < Resolution)
        {
            return;
        }

        pending[key] = at;
    }

    /// <summary>The use of <paramref name="key"/> waiting for the next flush, if any.</summary>
    public DateTimeOffset? PendingFor(TKey key) => Volatile.Read(ref _pending).TryGetValue(key, out var at) ? at : null;

    /// <summary>Hands the uses collected since the last flush to <paramref name="write"/> in one batch.</summary>
    public async ValueTask FlushAsync(Func<IReadOnlyList<KeyValuePair<TKey, DateTimeOffset>>, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<TKey, DateTimeOffset>());
        if (batch.IsEmpty)
        {
            return;
        }

        try
        {
            await write([.. batch], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach (var (key, at) in batch)
            {
                Volatile.Read(ref _pending).AddOrUpdate(key, at, (_, newer) => newer >= at ? newer : at);
            }

            throw;
        }
    }
}
