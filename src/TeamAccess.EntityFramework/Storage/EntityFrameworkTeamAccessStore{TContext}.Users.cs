using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <content>Users, their sessions' state and the try counters (<see cref="IUserStore"/>, <see cref="ISessionStore"/>, <see cref="ITryCounterStore"/>).</content>
internal sealed partial class EntityFrameworkTeamAccessStore<TContext>
{
    /// <inheritdoc />
    public async ValueTask<StoredUser?> FindByIdAsync(UserId id, CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<UserRow>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id.Value, cancellationToken).ConfigureAwait(false);
            return row is null ? null : RowMapping.ToUser(row);
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoredUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedEmail);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<UserRow>().AsNoTracking().SingleOrDefaultAsync(u => u.Email == normalizedEmail, cancellationToken).ConfigureAwait(false);
            return row is null ? null : RowMapping.ToUser(row);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredUser>> FindByEmailsAsync(IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedEmails);
        var found = new List<StoredUser>();
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // By the unique email index, a chunk of addresses per query (one array parameter on PostgreSQL).
            foreach (var chunk in normalizedEmails.Distinct(StringComparer.Ordinal).Chunk(EmailLookupChunk))
            {
                var rows = await context.Set<UserRow>().AsNoTracking().Where(u => chunk.Contains(u.Email)).ToListAsync(cancellationToken).ConfigureAwait(false);
                found.AddRange(rows.Select(RowMapping.ToUser));
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async ValueTask<StoredUser?> FindByLoginAsync(string issuer, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(subject);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<UserLoginRow>().AsNoTracking()
                .Where(l => l.Issuer == issuer && l.Subject == subject)
                .Join(context.Set<UserRow>(), l => l.UserId, u => u.Id, (_, u) => u)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return row is null ? null : RowMapping.ToUser(row);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryCountAsync(string key, int limit, DateTimeOffset now, DateTimeOffset windowEndsAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, ITryCounterStore.MaxKeyLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var at = now.UtcTicks;
        var ends = windowEndsAt.UtcTicks;
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var counters = context.Set<TryCounterRow>();
            var seen = false;
            for (var attempt = 0; ; attempt++)
            {
                // One statement by the primary key: the row's lock makes racing tries count one after another, and the
                // condition is judged again on the row each one meets, so none counts past the limit.
                var counted = await counters
                    .Where(c => c.Key == key && (c.WindowEndsAtUtcTicks <= at || c.Count < limit))
                    .ExecuteUpdateAsync(
                        set => set
                            .SetProperty(c => c.Count, c => c.WindowEndsAtUtcTicks <= at ? 1 : c.Count + 1)
                            .SetProperty(c => c.WindowEndsAtUtcTicks, c => c.WindowEndsAtUtcTicks <= at ? ends : c.WindowEndsAtUtcTicks),
                        cancellationToken).ConfigureAwait(false);
                if (counted > 0)
                {
                    return true;
                }

                if (await counters.AnyAsync(c => c.Key == key, cancellationToken).ConfigureAwait(false))
                {
                    // Under READ COMMITTED the update's snapshot may predate a racing try's insert that this read sees:
                    // the update runs once more on the row it now sees, and only a second miss means the window is full.
                    if (seen)
                    {
                        return false;
                    }

                    seen = true;
                    continue;
                }

                try
                {
                    // A new key: the rows whose window ended go first (by their index), so the table holds live windows only.
                    await counters.Where(c => c.WindowEndsAtUtcTicks <= at).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                    context.Add(new TryCounterRow { Key = key, Count = 1, WindowEndsAtUtcTicks = ends });
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (DbUpdateException) when (attempt < 4)
                {
                    // A racing try added the key first: count on its row.
                    context.ChangeTracker.Clear();
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask UncountAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            await context.Set<TryCounterRow>()
                .Where(c => c.Key == key && c.Count > 0)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Count, c => c.Count - 1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<UserSessionState?> FindSessionStateAsync(UserId userId, Guid sessionId, CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // One query by two primary keys: the user's stamp, and whether the session id is signed out.
            var revoked = context.Set<RevokedSessionRow>();
            var rows = await context.Set<UserRow>().AsNoTracking()
                .Where(u => u.Id == userId.Value)
                .Select(u => new { u.SessionStamp, Revoked = revoked.Any(r => r.SessionId == sessionId) })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : new UserSessionState(rows[0].SessionStamp, rows[0].Revoked);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RevokedSession> ListRevokedSessionsAsync(DateTimeOffset notExpiredAt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var after = notExpiredAt.UtcTicks;
            var rows = context.Set<RevokedSessionRow>().AsNoTracking().Where(r => r.ExpiresAtUtcTicks > after).AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return RowMapping.ToRevokedSession(row);
            }
        }
    }
}
