using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>
/// The records of users' sessions (<see cref="ISessionRecordStore"/>): one row per sign-in by its primary key, listed by the
/// index on (user, expiry) without the signed-out ones (their primary key), pruned by the index on expiry.
/// </summary>
internal sealed class EntityFrameworkSessionRecordStore<TContext>(EntityFrameworkStoreContext<TContext> store) : ISessionRecordStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask SaveSessionAsync(StoredSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = context.Set<SessionRow>();
            var id = session.SessionId;
            var team = session.TeamId.Value;
            var membership = session.MembershipId.Value;
            var methods = string.Join(' ', session.Methods);
            var expires = session.ExpiresAt.UtcTicks;
            for (var attempt = 0; ; attempt++)
            {
                // A token issued again for a stored session (a switch, a second factor) moves its row, by the primary key.
                var moved = await rows.Where(r => r.SessionId == id).ExecuteUpdateAsync(
                    set => set.SetProperty(r => r.TeamId, team).SetProperty(r => r.MembershipId, membership)
                        .SetProperty(r => r.MembershipStamp, session.MembershipStamp).SetProperty(r => r.UserStamp, session.UserStamp)
                        .SetProperty(r => r.Methods, methods).SetProperty(r => r.ExpiresAtUtcTicks, expires),
                    cancellationToken).ConfigureAwait(false);
                if (moved > 0)
                {
                    return;
                }

                try
                {
                    context.Add(new SessionRow
                    {
                        SessionId = id,
                        UserId = session.UserId.Value,
                        TeamId = team,
                        MembershipId = membership,
                        MembershipStamp = session.MembershipStamp,
                        UserStamp = session.UserStamp,
                        Methods = methods,
                        Device = session.Device,
                        IpAddress = session.IpAddress,
                        SignedInAtUtcTicks = session.SignedInAt.UtcTicks,
                        ExpiresAtUtcTicks = expires,
                        LastSeenAtUtcTicks = session.LastSeenAt?.UtcTicks,
                    });
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (DbUpdateException) when (attempt < 2)
                {
                    // Stored meanwhile: move the row instead.
                    context.ChangeTracker.Clear();
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredSession>> ListSessionsAsync(UserId userId, DateTimeOffset notExpiredAt, CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var id = userId.Value;
            var after = notExpiredAt.UtcTicks;
            var revoked = context.Set<RevokedSessionRow>();
            var rows = await context.Set<SessionRow>().AsNoTracking()
                .Where(s => s.UserId == id && s.ExpiresAtUtcTicks > after && !revoked.Any(r => r.SessionId == s.SessionId))
                .OrderByDescending(s => s.SignedInAtUtcTicks).ThenBy(s => s.SessionId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(ToStored)];
        }
    }

    /// <inheritdoc />
    public async ValueTask RecordSessionsSeenAsync(IReadOnlyCollection<SessionSeen> seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = context.Set<SessionRow>();
            foreach (var use in seen)
            {
                // One statement by the primary key; a time never moves back.
                var id = use.SessionId;
                var at = use.SeenAt.UtcTicks;
                await rows.Where(r => r.SessionId == id && (r.LastSeenAtUtcTicks == null || r.LastSeenAtUtcTicks < at))
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.LastSeenAtUtcTicks, at), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> PruneSessionsAsync(DateTimeOffset expiredAt, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var at = expiredAt.UtcTicks;
            var rows = context.Set<SessionRow>();
            var due = rows.Where(s => s.ExpiresAtUtcTicks <= at).OrderBy(s => s.ExpiresAtUtcTicks).Take(limit).Select(s => s.SessionId);
            return await rows.Where(s => due.Contains(s.SessionId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static StoredSession ToStored(SessionRow row) =>
        new(row.SessionId, new UserId(row.UserId), new TeamId(row.TeamId), new MembershipId(row.MembershipId), row.MembershipStamp, row.UserStamp,
            row.Methods.Split(' ', StringSplitOptions.RemoveEmptyEntries), row.Device, row.IpAddress,
            new DateTimeOffset(row.SignedInAtUtcTicks, TimeSpan.Zero), new DateTimeOffset(row.ExpiresAtUtcTicks, TimeSpan.Zero))
        {
            LastSeenAt = row.LastSeenAtUtcTicks is { } seen ? new DateTimeOffset(seen, TimeSpan.Zero) : null,
        };
}
