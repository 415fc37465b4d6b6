using TeamAccess.Index;

namespace TeamAccess.ServiceAccounts;

/// <summary>
/// Collects this instance's key uses in memory (the latest per key, refreshed at most once a second) and hands them to
/// <see cref="IApiKeyUsageStore"/> in one batch per flush: a request that validates a key writes nothing.
/// </summary>
internal sealed class ApiKeyUsageRecorder(IApiKeyUsageStore store)
{
    // A key belongs to one team: the pair is the key, and the team travels with its use to the store.
    private readonly LatestUses<(TeamId Team, ApiKeyId Key)> _uses = new();

    /// <summary>Gets how many keys have a use waiting for the next flush.</summary>
    public int Pending => _uses.Count;

    public void Record(TeamId teamId, ApiKeyId keyId, DateTimeOffset at) => _uses.Record((teamId, keyId), at);

    /// <summary>Writes the uses collected since the last flush, in one batch; on failure they wait for the next one.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) =>
        _uses.FlushAsync((batch, ct) => store.RecordUsesAsync([.. batch.Select(u => new ApiKeyUse(u.Key.Team, u.Key.Key, u.Value))], ct), cancellationToken);
}
