namespace TeamAccess.Storage;

/// <content>The try counters (<see cref="ITryCounterStore"/>) and the expiry sweep's read (<see cref="IExpiryStore"/>).</content>
public sealed partial class InMemoryTeamAccessStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TeamId>> ListTeamsWithExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<TeamId> due = [.. _teams.Values
                .Where(t => t.Team.Status != TeamStatus.Deleted)
                .Where(t => t.Team.OwnershipOffer?.ExpiresAt <= now
                    || t.Memberships.Values.Any(m => m.Status == MembershipStatus.Invited && m.Invitation?.ExpiresAt <= now)
                    || t.ApiKeys.Values.Any(k => k.IsExpiryDue(now)))
                .Select(t => t.Id)
                .Take(limit)];
            return ValueTask.FromResult(due);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryCountAsync(string key, int limit, DateTimeOffset now, DateTimeOffset windowEndsAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, ITryCounterStore.MaxKeyLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            if (_tryCounters.TryGetValue(key, out var counter) && counter.WindowEndsAt > now)
            {
                if (counter.Count >= limit)
                {
                    return ValueTask.FromResult(false);
                }

                _tryCounters[key] = (counter.Count + 1, counter.WindowEndsAt);
                return ValueTask.FromResult(true);
            }

            // A new window: the rows whose window ended go first, so the table holds only live windows.
            foreach (var ended in _tryCounters.Where(c => c.Value.WindowEndsAt <= now).Select(c => c.Key).ToList())
            {
                _tryCounters.Remove(ended);
            }

            _tryCounters[key] = (1, windowEndsAt);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask UncountAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_tryCounters.TryGetValue(key, out var counter) && counter.Count > 0)
            {
                _tryCounters[key] = (counter.Count - 1, counter.WindowEndsAt);
            }
        }

        return ValueTask.CompletedTask;
    }
}
