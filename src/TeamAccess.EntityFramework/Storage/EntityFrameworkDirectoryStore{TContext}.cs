using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>The directory's reads of a team's members with their names.</summary>
internal sealed class EntityFrameworkDirectoryStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IDirectoryStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask<DirectoryMemberPage> ListDirectoryMembersAsync(TeamId teamId, DirectoryMemberQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // An externalId is found by ix_ta_memberships_team_external_id; an address, an id and the unfiltered
            // page walk ix_ta_memberships_team_email (team_id, email, id), whose order is the page's.
            var terminal = SnapshotReader.TerminalStatuses;
            var matching = context.Set<MembershipRow>().AsNoTracking()
                .Where(m => m.TeamId == teamId.Value && !terminal.Contains(m.Status) && m.ServiceAccountName == null);
            if (query.Email is { } email)
            {
                matching = matching.Where(m => m.Email == email);
            }

            if (query.ExternalId is { } externalId)
            {
                matching = matching.Where(m => m.ExternalId == externalId);
            }

            if (query.Id is { } id)
            {
                matching = matching.Where(m => m.Id == id.Value);
            }

            var total = await matching.CountAsync(cancellationToken).ConfigureAwait(false);
            if (query.Count <= 0 || query.Offset >= total)
            {
                return new DirectoryMemberPage([], total);
            }

            var rows = await (
                from m in matching
                join u in context.Set<UserRow>() on m.UserId equals (Guid?)u.Id into users
                from u in users.DefaultIfEmpty()
                orderby m.Email, m.Id
                select new { Membership = m, FirstName = u != null ? u.FirstName : null, LastName = u != null ? u.LastName : null })
                .Skip(query.Offset)
                .Take(query.Count)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return new DirectoryMemberPage([.. rows.Select(r => new DirectoryMemberRow(RowMapping.ToMembership(r.Membership), r.FirstName, r.LastName))], total);
        }
    }
}
