using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>A session's state (the user's stamp, whether it is signed out) and the signed-out sessions.</summary>
internal sealed class EntityFrameworkSessionStore<TContext>(EntityFrameworkStoreContext<TContext> store) : ISessionStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask<UserSessionState?> FindSessionStateAsync(UserId userId, Guid sessionId, CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
