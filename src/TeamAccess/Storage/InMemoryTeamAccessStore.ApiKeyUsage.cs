using System.Collections.Concurrent;

namespace TeamAccess.Storage;

/// <content>The last-used times of API keys (<see cref="IApiKeyUsageStore"/>).</content>
public sealed partial class InMemoryTeamAccessStore
{
    private readonly ConcurrentDictionary<ApiKeyId, (TeamId Team, DateTimeOffset At)> _keyUses = new();

    /// <inheritdoc />
    public ValueTask RecordUsesAsync(IReadOnlyCollection<ApiKeyUse> uses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uses);
        foreach (var use in uses)
        {
            _keyUses.AddOrUpdate(use.KeyId, (use.TeamId, use.UsedAt), (_, seen) => use.UsedAt > seen.At ? (use.TeamId, use.UsedAt) : seen);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<ApiKeyId, DateTimeOffset>> GetLastUsedAsync(TeamId teamId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyDictionary<ApiKeyId, DateTimeOffset>>(_keyUses.Where(u => u.Value.Team == teamId).ToDictionary(u => u.Key, u => u.Value.At));
}
