using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>Passkeys and their waiting challenges; passkeys change in the commit.</summary>
internal sealed class EntityFrameworkPasskeyStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IPasskeyStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask<StoredPasskey?> FindPasskeyAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<PasskeyRow>().AsNoTracking().SingleOrDefaultAsync(p => p.CredentialId == credentialId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : PasskeyRows.ToStored(row);
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StoredPasskey>> ListPasskeysAsync(UserId userId, CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var id = userId.Value;
            var rows = await context.Set<PasskeyRow>().AsNoTracking().Where(p => p.UserId == id).ToListAsync(cancellationToken).ConfigureAwait(false);

            // Ordered here: SQLite cannot order by a DateTimeOffset column, and a user has a handful of passkeys.
            return [.. rows.Select(PasskeyRows.ToStored).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id.Value)];
        }
    }

    /// <inheritdoc />
    public async ValueTask AddPasskeyChallengeAsync(StoredPasskeyChallenge challenge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // Challenges nobody answered are dropped as new ones come (by the index on their expiry).
            var expired = now.UtcTicks;
            await context.Set<PasskeyChallengeRow>().Where(c => c.ExpiresAtUtcTicks <= expired).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            context.Add(PasskeyRows.ToRow(challenge));
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoredPasskeyChallenge?> TakePasskeyChallengeAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idHash);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<PasskeyChallengeRow>().AsNoTracking().SingleOrDefaultAsync(c => c.IdHash == idHash, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            // Whoever deletes the row takes the challenge: of two racing callers, on one instance or two, one deletes it.
            var taken = await context.Set<PasskeyChallengeRow>().Where(c => c.IdHash == idHash).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return taken == 1 && row.ExpiresAtUtcTicks > now.UtcTicks ? PasskeyRows.ToStored(row) : null;
        }
    }
}
