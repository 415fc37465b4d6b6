using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>Creates the TeamAccess schema; registered beside the EF Core store.</summary>
internal interface ITeamAccessDatabase
{
    Task EnsureCreatedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The EF Core store. It is a singleton that holds no context: every read and every commit creates a short-lived
/// context from the factory, so a commit is its own unit of work and concurrent callers never share a connection.
/// A commit runs in one transaction: the rows with an expected version or stamp first, then new users and teams, then the
/// team contents diffed against the snapshot as loaded, then the audit rows. Any refusal rolls everything back.
/// </summary>
internal sealed class EntityFrameworkTeamAccessStore<TContext>(IDbContextFactory<TContext> factory)
    : IUserStore, ITeamStore, IMemberQueryStore, IAuditStore, IChangeStore, IChangeFeed, ITeamAccessDatabase
    where TContext : DbContext
{
    private const int LoadAllPageSize = 500;

    /// <summary>
    /// The transaction-level advisory lock that numbers PostgreSQL feed entries in commit order: taken just before the
    /// entries are inserted, held until COMMIT, so a transaction that numbers its entries after another commits after it.
    /// Without it sequence values follow start order, and a reader at position p could later meet an entry below p.
    /// </summary>
    private const string FeedLockSql = "SELECT pg_advisory_xact_lock(127961678570852)"; // 0x746166656564, "tafeed"

    private const string NotifySql = "NOTIFY " + EntityFrameworkChangeFeed.NotifyChannel;

    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <inheritdoc />
    public async ValueTask<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Set<ChangeFeedRow>().MaxAsync(f => (long?)f.Position, cancellationToken).ConfigureAwait(false) ?? 0;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ChangeFeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<ChangeFeedRow>().AsNoTracking()
                .Where(f => f.Position > after)
                .OrderBy(f => f.Position)
                .Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(f => new ChangeFeedEntry(
                f.Position,
                f.TeamId is { } team ? new TeamId(team) : null,
                f.TeamVersion,
                f.UserId is { } user ? new UserId(user) : null));
        }
    }

    /// <inheritdoc />
    public async ValueTask<User?> FindByIdAsync(UserId id, CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<UserRow>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id.Value, cancellationToken).ConfigureAwait(false);
            return row is null ? null : RowMapping.ToUser(row);
        }
    }

    /// <inheritdoc />
    public async ValueTask<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
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
    public async ValueTask<User?> FindByLoginAsync(string issuer, string subject, CancellationToken cancellationToken)
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
    public async ValueTask<TeamSnapshot?> LoadAsync(TeamId id, CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var loaded = await SnapshotReader.LoadAsync(context, [id.Value], cancellationToken).ConfigureAwait(false);
            return loaded.Count == 0 ? null : loaded[0];
        }
    }

    /// <inheritdoc />
    public async ValueTask<Membership?> FindMembershipAsync(TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var ids = await context.Set<TeamRow>().AsNoTracking().Where(t => t.Handle == handle).Select(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            return ids.Count == 0 ? null : new TeamId(ids[0]);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TeamId> ListTeamIdsForUserAsync(UserId userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
    public async ValueTask<(Team Team, Membership? Membership)?> FindTeamAndCurrentMembershipAsync(TeamId teamId, UserId userId, CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var team = await context.Set<TeamRow>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId.Value, cancellationToken).ConfigureAwait(false);
            if (team is null)
            {
                return null;
            }

            // Served by the partial unique index on (team_id, user_id) of the current memberships.
            var terminal = SnapshotReader.TerminalStatuses;
            var membership = await context.Set<MembershipRow>().AsNoTracking()
                .Where(m => m.TeamId == teamId.Value && m.UserId == userId.Value && !terminal.Contains(m.Status))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return (RowMapping.ToTeam(team), membership is null ? null : RowMapping.ToMembership(membership));
        }
    }

    /// <inheritdoc />
    public async ValueTask<MemberPage> ListMembersAsync(TeamId teamId, MemberQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // Both queries walk ix_ta_memberships_team_email (team_id, email, id): the filters, the order and the keyset
            // are all on it, so a page costs its own rows whatever the size of the team or of the database.
            var matching = context.Set<MembershipRow>().AsNoTracking().Where(m => m.TeamId == teamId.Value);
            if (query.Status is { } status)
            {
                matching = matching.Where(m => m.Status == status);
            }
            else
            {
                var terminal = SnapshotReader.TerminalStatuses;
                matching = matching.Where(m => !terminal.Contains(m.Status));
            }

            if (query.Role is { } role)
            {
                matching = matching.Where(m => m.Role == role);
            }

            if (query.NormalizedEmailPrefix is { } prefix)
            {
                matching = matching.Where(m => m.Email.StartsWith(prefix));
            }

            long? total = query.After is null ? await matching.LongCountAsync(cancellationToken).ConfigureAwait(false) : null;
            var page = matching;
            if (query.After is { } after)
            {
                var email = after.Email;
                var id = after.MembershipId.Value;
                page = page.Where(m => m.Email.CompareTo(email) > 0 || (m.Email == email && m.Id.CompareTo(id) > 0));
            }

            var size = query.EffectivePageSize;
            var rows = await (
                from m in page
                join u in context.Set<UserRow>() on m.UserId equals (Guid?)u.Id into users
                from u in users.DefaultIfEmpty()
                orderby m.Email, m.Id
                select new { Membership = m, FirstName = u != null ? u.FirstName : null, LastName = u != null ? u.LastName : null })
                .Take(size + 1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var members = rows.Take(size).Select(r => new MemberView(
                new MembershipId(r.Membership.Id),
                r.Membership.UserId is { } user ? new UserId(user) : null,
                r.Membership.Email,
                r.FirstName,
                r.LastName,
                r.Membership.Role,
                r.Membership.Status,
                r.Membership.CreatedAt)).ToList();
            MemberPageKey? next = rows.Count > size ? new MemberPageKey(members[^1].Email, members[^1].MembershipId) : null;
            return new MemberPage(members, total, next);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TeamSnapshot> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool streams;
        var probe = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (probe.ConfigureAwait(false))
        {
            streams = SnapshotStream.Supports(probe);
        }

        if (streams)
        {
            await foreach (var snapshot in SnapshotStream.LoadAllAsync(factory, cancellationToken).ConfigureAwait(false))
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
            var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEvent> ListAsync(TeamId teamId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = context.Set<AuditEventRow>().AsNoTracking().Where(a => a.TeamId == teamId.Value).OrderBy(a => a.Sequence).AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return RowMapping.ToAuditEvent(row);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<Result<long>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var refusal = ChangeSetRules.Check(changes);
        if (refusal is not TeamAccessErrorCode.None)
        {
            return Result<long>.Failed(refusal);
        }

        var plan = CommitPlan.For(changes);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var oversized = StoreErrors.Oversized(context.Model, plan.All);
            if (oversized is not TeamAccessErrorCode.None)
            {
                return Result<long>.Failed(oversized);
            }

            try
            {
                // A host that configured a retrying execution strategy gets the whole unit of work retried on transient
                // failures, as EF Core requires for user-initiated transactions.
                var strategy = context.Database.CreateExecutionStrategy();
                var sequence = await strategy.ExecuteAsync(
                    (Context: context, Plan: plan),
                    static (_, state, ct) => CommitOnceAsync(state.Context, state.Plan, ct),
                    null,
                    cancellationToken).ConfigureAwait(false);
                return Result<long>.Ok(sequence);
            }
            catch (Exception exception) when (StoreErrors.TryClassify(exception, context.Model, out var code))
            {
                return Result<long>.Failed(code);
            }
        }
    }

    /// <inheritdoc />
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            await context.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> CommitOnceAsync(DbContext context, CommitPlan plan, CancellationToken cancellationToken)
    {
        // A retried attempt (a host's retrying execution strategy) starts clean: nothing tracked, no sequence assigned.
        context.ChangeTracker.Clear();
        plan.Audit.ForEach(a => a.Sequence = 0);
        plan.Feed.ForEach(f => f.Position = 0);
        var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            Track(context, plan.Checked);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            Track(context, plan.Heads);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            Track(context, plan.Logins);
            Track(context, plan.Contents);
            context.AddRange(plan.Audit);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            var sequence = plan.Audit.Count > 0
                ? plan.Audit[^1].Sequence
                : await context.Set<AuditEventRow>().MaxAsync(a => (long?)a.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;

            // The feed entries last, so that on PostgreSQL the lock that orders them is held only from here to COMMIT.
            // (SQLite has one writer at a time, so its numbering follows commit order already.)
            if (plan.Feed.Count > 0)
            {
                var postgreSql = string.Equals(context.Database.ProviderName, PostgreSqlProvider, StringComparison.Ordinal);
                if (postgreSql)
                {
                    await context.Database.ExecuteSqlRawAsync(FeedLockSql, cancellationToken).ConfigureAwait(false);
                }

                context.AddRange(plan.Feed);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                if (postgreSql)
                {
                    // One payload-free NOTIFY per commit, delivered at COMMIT: followers wake and read the feed.
                    await context.Database.ExecuteSqlRawAsync(NotifySql, cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return sequence;
        }
    }

    private static void Track(DbContext context, IEnumerable<RowChange> changes)
    {
        foreach (var change in changes)
        {
            var entry = context.Entry(change.Row);
            entry.State = change.State;
            if (change.ExpectedToken is { } expected)
            {
                var token = entry.Metadata.GetProperties().Single(p => p.IsConcurrencyToken);
                entry.Property(token).OriginalValue = expected;
            }
        }
    }
}
