using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>Users: by id, by email (one or many) and by external login.</summary>
internal sealed class EntityFrameworkUserStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IUserStore
    where TContext : DbContext
{
    /// <summary>Addresses per query of <see cref="FindByEmailsAsync"/>: within SQLite's bound on parameters, and one round trip per import batch.</summary>
    private const int EmailLookupChunk = 5_000;

    /// <inheritdoc />
    public async ValueTask<StoredUser?> FindByIdAsync(UserId id, CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<UserLoginRow>().AsNoTracking()
                .Where(l => l.Issuer == issuer && l.Subject == subject)
                .Join(context.Set<UserRow>(), l => l.UserId, u => u.Id, (_, u) => u)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return row is null ? null : RowMapping.ToUser(row);
        }
    }
}
