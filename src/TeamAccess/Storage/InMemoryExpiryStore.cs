namespace TeamAccess.Storage;

/// <summary>The expiry sweep's read: teams with something past its expiry.</summary>
internal sealed class InMemoryExpiryStore(InMemoryTeamAccessStore store) : IExpiryStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TeamId>> ListTeamsWithExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (store.Gate)
        {
            IReadOnlyList<TeamId> due = [.. store.Teams.Values
                .Where(t => t.Team.Status != TeamStatus.Deleted)
                .Where(t => t.Team.OwnershipOffer?.ExpiresAt <= now
                    || t.Memberships.Values.Any(m => m.Status == MembershipStatus.Invited && m.Invitation?.ExpiresAt <= now)
                    || t.ApiKeys.Values.Any(k => k.IsExpiryDue(now)))
                .Select(t => t.Id)
                .Take(limit)];
            return ValueTask.FromResult(due);
        }
    }
}
