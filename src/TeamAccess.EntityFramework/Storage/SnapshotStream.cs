using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>
/// The start-up load: every table read once, in team order, each by one streaming query on a connection of its own, and
/// merged team by team, so memory holds one team's rows at a time (plus each team's id and version) whatever the size of
/// the database, and no query carries a list of ids.
/// </summary>
/// <remarks>
/// The tables are read by separate statements, so a commit can land between them. The teams query starts first, so a
/// team's version as streamed is no newer than the rows read after it; a last pass reads every team's version again,
/// and a team whose version moved is loaded again on its own and yielded once more (the engine keeps the newer one). A
/// team created after the teams query started is skipped: it comes after the change-feed position read before the load,
/// so the follower loads it. The merge compares team ids as PostgreSQL (uuid) and SQLite (upper-case text) order them:
/// by their big-endian bytes; a provider that does not (<see cref="StoreProvider.OrdersGuidsAsBytes"/>) loads page by page.
/// </remarks>
internal static class SnapshotStream
{
    public static async IAsyncEnumerable<TeamSnapshot> LoadAllAsync<TContext>(IDbContextFactory<TContext> factory, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TContext : DbContext
    {
        var contexts = new List<DbContext>();
        var versions = new List<(Guid Id, long Version)>();
        try
        {
            async Task<TContext> NewAsync()
            {
                var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                contexts.Add(context);
                return context;
            }

            var teams = (await NewAsync().ConfigureAwait(false)).Set<TeamRow>().AsNoTracking().OrderBy(t => t.Id).AsAsyncEnumerable().GetAsyncEnumerator(cancellationToken);
            await using (teams.ConfigureAwait(false))
            {
                // The teams query runs first: its snapshot is the oldest of the load.
                var hasTeam = await teams.MoveNextAsync().ConfigureAwait(false);
                var memberships = await Cursor.OpenAsync((await NewAsync().ConfigureAwait(false)).Set<MembershipRow>().AsNoTracking().OrderBy(m => m.TeamId), m => m.TeamId, cancellationToken).ConfigureAwait(false);
                var groups = await Cursor.OpenAsync((await NewAsync().ConfigureAwait(false)).Set<GroupRow>().AsNoTracking().OrderBy(g => g.TeamId), g => g.TeamId, cancellationToken).ConfigureAwait(false);
                var groupMembers = await Cursor.OpenAsync((await NewAsync().ConfigureAwait(false)).Set<GroupMemberRow>().AsNoTracking().OrderBy(m => m.TeamId), m => m.TeamId, cancellationToken).ConfigureAwait(false);
                var secrets = await Cursor.OpenAsync((await NewAsync().ConfigureAwait(false)).Set<InvitationSecretRow>().AsNoTracking().OrderBy(s => s.TeamId), s => s.TeamId, cancellationToken).ConfigureAwait(false);
                var grants = await Cursor.OpenAsync((await NewAsync().ConfigureAwait(false)).Set<GrantRow>().AsNoTracking().OrderBy(g => g.TeamId), g => g.TeamId, cancellationToken).ConfigureAwait(false);
                var roles = await Cursor.OpenAsync((await NewAsync().ConfigureAwait(false)).Set<TeamRoleRow>().AsNoTracking().OrderBy(r => r.TeamId), r => r.TeamId, cancellationToken).ConfigureAwait(false);
                var apiKeys = await Cursor.OpenAsync((await NewAsync().ConfigureAwait(false)).Set<ApiKeyRow>().AsNoTracking().OrderBy(k => k.TeamId), k => k.TeamId, cancellationToken).ConfigureAwait(false);
                var providers = await Cursor.OpenAsync((await NewAsync().ConfigureAwait(false)).Set<TeamProviderRow>().AsNoTracking().OrderBy(p => p.TeamId), p => p.TeamId, cancellationToken).ConfigureAwait(false);
                var domains = await Cursor.OpenAsync((await NewAsync().ConfigureAwait(false)).Set<TeamDomainRow>().AsNoTracking().OrderBy(d => d.TeamId), d => d.TeamId, cancellationToken).ConfigureAwait(false);
                await using (memberships.ConfigureAwait(false))
                await using (groups.ConfigureAwait(false))
                await using (groupMembers.ConfigureAwait(false))
                await using (secrets.ConfigureAwait(false))
                await using (grants.ConfigureAwait(false))
                await using (roles.ConfigureAwait(false))
                await using (apiKeys.ConfigureAwait(false))
                await using (providers.ConfigureAwait(false))
                await using (domains.ConfigureAwait(false))
                {
                    while (hasTeam)
                    {
                        var team = teams.Current;
                        var members = (await groupMembers.TakeAsync(team.Id).ConfigureAwait(false)).ToLookup(m => m.GroupId, m => m.MembershipId);
                        versions.Add((team.Id, team.Version));
                        yield return new TeamSnapshot(
                            RowMapping.ToTeam(team),
                            (await memberships.TakeAsync(team.Id).ConfigureAwait(false)).Select(RowMapping.ToMembership).ToImmutableDictionary(m => m.Id),
                            (await groups.TakeAsync(team.Id).ConfigureAwait(false)).Select(g => RowMapping.ToGroup(g, members[g.Id])).ToImmutableDictionary(g => g.Id),
                            (await grants.TakeAsync(team.Id).ConfigureAwait(false)).Select(RowMapping.ToGrant).ToImmutableDictionary(g => g.Id))
                        {
                            InvitationSecrets = (await secrets.TakeAsync(team.Id).ConfigureAwait(false)).ToImmutableDictionary(s => new MembershipId(s.MembershipId), RowMapping.ToInvitationSecret),
                            ApiKeys = (await apiKeys.TakeAsync(team.Id).ConfigureAwait(false)).Select(RowMapping.ToApiKey).ToImmutableDictionary(k => k.Id),
                            Providers = (await providers.TakeAsync(team.Id).ConfigureAwait(false)).Select(TeamSsoRowMapping.ToProvider).ToImmutableDictionary(p => p.Id),
                            Domains = (await domains.TakeAsync(team.Id).ConfigureAwait(false)).Select(TeamSsoRowMapping.ToDomain).ToImmutableDictionary(d => d.Id),
                        }.WithTeamRoles((await roles.TakeAsync(team.Id).ConfigureAwait(false)).Select(RowMapping.ToTeamRole));
                        hasTeam = await teams.MoveNextAsync().ConfigureAwait(false);
                    }
                }
            }

            // The teams that moved while the load ran, loaded again one by one.
            var check = await NewAsync().ConfigureAwait(false);
            var moved = new List<Guid>();
            var next = 0;
            await foreach (var now in check.Set<TeamRow>().AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Version }).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                while (next < versions.Count && GuidOrder.Compare(versions[next].Id, now.Id) < 0)
                {
                    next++;
                }

                if (next < versions.Count && versions[next].Id == now.Id && versions[next].Version != now.Version)
                {
                    moved.Add(now.Id);
                }
            }

            foreach (var id in moved)
            {
                foreach (var snapshot in await SnapshotReader.LoadAsync(check, [id], cancellationToken).ConfigureAwait(false))
                {
                    yield return snapshot;
                }
            }
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Orders Guids by their big-endian bytes: PostgreSQL's uuid order and SQLite's order of their upper-case text.</summary>
    internal static class GuidOrder
    {
        public static int Compare(Guid a, Guid b)
        {
            Span<byte> x = stackalloc byte[16];
            Span<byte> y = stackalloc byte[16];
            a.TryWriteBytes(x, bigEndian: true, out _);
            b.TryWriteBytes(y, bigEndian: true, out _);
            return x.SequenceCompareTo(y);
        }
    }

    /// <summary>One table's rows in team order, handed out a team at a time.</summary>
    private sealed class Cursor<T>(IAsyncEnumerator<T> rows, Func<T, Guid> teamOf) : IAsyncDisposable
    {
        private bool _has;

        public async ValueTask StartAsync() => _has = await rows.MoveNextAsync().ConfigureAwait(false);

        /// <summary>The rows of <paramref name="teamId"/>; rows of a team the teams query did not see (created after it started) are skipped.</summary>
        public async ValueTask<List<T>> TakeAsync(Guid teamId)
        {
            var taken = new List<T>();
            while (_has)
            {
                var order = GuidOrder.Compare(teamOf(rows.Current), teamId);
                if (order > 0)
                {
                    break;
                }

                if (order == 0)
                {
                    taken.Add(rows.Current);
                }

                _has = await rows.MoveNextAsync().ConfigureAwait(false);
            }

            return taken;
        }

        public ValueTask DisposeAsync() => rows.DisposeAsync();
    }

    private static class Cursor
    {
        public static async Task<Cursor<T>> OpenAsync<T>(IQueryable<T> query, Func<T, Guid> teamOf, CancellationToken cancellationToken)
        {
            var cursor = new Cursor<T>(query.AsAsyncEnumerable().GetAsyncEnumerator(cancellationToken), teamOf);
            await cursor.StartAsync().ConfigureAwait(false);
            return cursor;
        }
    }
}
