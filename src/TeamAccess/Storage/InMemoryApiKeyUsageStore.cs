namespace TeamAccess.Storage;

/// <summary>The last-used times of API keys, newest wins.</summary>
internal sealed class InMemoryApiKeyUsageStore(InMemoryTeamAccessStore store) : IApiKeyUsageStore
{
    /// <inheritdoc />
    public ValueTask RecordUsesAsync(IReadOnlyCollection<ApiKeyUse> uses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uses);
        foreach (var use in uses)
        {
            store.KeyUses.AddOrUpdate(use.KeyId, (use.TeamId, use.UsedAt), (_, seen) => use.UsedAt > seen.At ? (use.TeamId, use.UsedAt) : seen);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<ApiKeyId, DateTimeOffset>> GetLastUsedAsync(TeamId teamId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyDictionary<ApiKeyId, DateTimeOffset>>(store.KeyUses.Where(u => u.Value.Team == teamId).ToDictionary(u => u.Key, u => u.Value.At));
}
