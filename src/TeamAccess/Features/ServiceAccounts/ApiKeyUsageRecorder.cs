using System.Collections.Concurrent;

namespace TeamAccess.ServiceAccounts;

/// <summary>
/// Collects this instance's key uses in memory (the latest per key, refreshed at most once a second) and hands them to
/// <see cref="IApiKeyUsageStore"/> in one batch per flush: a request that validates a key writes nothing.
/// </summary>
internal sealed class ApiKeyUsageRecorder(IApiKeyUsageStore store)
{
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(1);
    private ConcurrentDictionary<ApiKeyId, ApiKeyUse> _pending = new();

    /// <summary>Gets how many keys have a use waiting for the next flush.</summary>
    public int Pending => Volatile.Read(ref _pending).Count;

    public void Record(TeamId teamId, ApiKeyId keyId, DateTimeOffset at)
    {
        var pending = Volatile.Read(ref _pending);
        if (pending.TryGetValue(keyId, out var seen) && at - seen.UsedAt < Resolution)
        {
            return;
        }

        pending[keyId] = new ApiKeyUse(teamId, keyId, at);
    }

    /// <summary>Writes the uses collected since the last flush, in one batch; on failure they wait for the next one.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<ApiKeyId, ApiKeyUse>());
        if (batch.IsEmpty)
        {
            return;
        }

        try
        {
            await store.RecordUsesAsync([.. batch.Values], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach (var (key, use) in batch)
            {
                Volatile.Read(ref _pending).AddOrUpdate(key, use, (_, newer) => newer.UsedAt >= use.UsedAt ? newer : use);
            }

            throw;
        }
    }
}
