using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>Loading teams: one snapshot (through the shared snapshot cache), one membership, a team by id or handle, a user's teams, and every team at start-up.</summary>
internal sealed class EntityFrameworkTeamStore<TContext>(EntityFrameworkStoreContext<TContext> store) : ITeamStore
    where TContext : DbContext
{
    private const int LoadAllPageSize = 500;

    /// <inheritdoc />
    public async ValueTask<TeamSnapshot?> LoadAsync(TeamId id, CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // One read of the team row by its key; the whole team only when this instance does not hold that version.
            var version = await context.Set<TeamRow>().AsNoTracking().Where(t => t.Id == id.Value).Select(t => (long?)t.Version)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (version is not { } current)
            {
                store.Snapshots.Evict(id);
                return null;
            }

            if (store.Snapshots.Find(id, current) is { } held)
            {
                return held;
            }

            var loaded = await SnapshotReader.LoadAsync(context, [id.Value], cancellationToken).ConfigureAwait(false);
            if (loaded.Count == 0)
            {
                return null;
            }

            store.Snapshots.Put(loaded[0]);
            return loaded[0];
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoredMembership?> FindMembershipAsync(TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // One row by primary key, joined to its team's status: the per-request cost of validating a session.
            var row = await context.Set<MembershipRow>().AsNoTracking()
                .Where(m => m.Id == membershipId.Value && m.TeamId == teamId.Value)
                .Join(context.Set<TeamRow>().Where(t => t.Status == TeamStatus.Active), m => m.TeamId, t => t.Id, (m, _) => m)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return row is null ? null : RowMapping.ToMembership(row);
        }
    }

    /// <inheritdoc />
    public async ValueTask<Team?> FindTeamAsync(TeamId id, CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<TeamRow>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id.Value, cancellationToken).ConfigureAwait(false);
            return row is null ? null : RowMapping.ToTeam(row);
        }
    }

    /// <inheritdoc />
    public async ValueTask<TeamId?> FindIdByHandleAsync(string handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var ids = await context.Set<TeamRow>().AsNoTracking().Where(t => t.Handle == handle).Select(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            return ids.Count == 0 ? null : new TeamId(ids[0]);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TeamId> ListTeamIdsForUserAsync(UserId userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var terminal = SnapshotReader.TerminalStatuses;
            var ids = context.Set<MembershipRow>().AsNoTracking()
                .Where(m => m.UserId == userId.Value && !terminal.Contains(m.Status))
                .Select(m => m.TeamId)
                .Distinct()
                .AsAsyncEnumerable();
            await foreach (var id in ids.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return new TeamId(id);
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TeamSnapshot> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool streams;
        var probe = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (probe.ConfigureAwait(false))
        {
            streams = store.Provider.OrdersGuidsAsBytes(probe);
        }

        if (streams)
        {
            await foreach (var snapshot in SnapshotStream.LoadAllAsync(store.Factory, cancellationToken).ConfigureAwait(false))
            {
                yield return snapshot;
            }

            yield break;
        }

        // Other providers order Guids their own way: pages of teams by id, one query per table and page.
        // Pages in id order, so a large store streams in bounded memory and each page costs one query per table.
        Guid? after = null;
        while (true)
        {
            IReadOnlyList<TeamSnapshot> page;
            var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                var query = context.Set<TeamRow>().AsNoTracking();
                if (after is { } last)
                {
                    query = query.Where(t => t.Id.CompareTo(last) > 0);
                }

                var ids = await query.OrderBy(t => t.Id).Select(t => t.Id).Take(LoadAllPageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (ids.Count == 0)
                {
                    yield break;
                }

                after = ids[^1];
                page = await SnapshotReader.LoadAsync(context, ids, cancellationToken).ConfigureAwait(false);
            }

            foreach (var snapshot in page)
            {
                yield return snapshot;
            }
        }
    }
}
