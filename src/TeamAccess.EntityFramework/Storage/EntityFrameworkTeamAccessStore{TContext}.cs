using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TeamAccess.EntityFramework.Migrations;

namespace TeamAccess.EntityFramework;

/// <summary>
/// The EF Core store. It is a singleton that holds no context: every read and every commit creates a short-lived
/// context from the factory, so a commit is its own unit of work and concurrent callers never share a connection.
/// A commit runs in one transaction: the rows with an expected version or stamp first, then new users and teams, then the
/// rows the team operations put or remove, then the audit rows. Any refusal rolls everything back.
/// </summary>
internal sealed partial class EntityFrameworkTeamAccessStore<TContext>(IDbContextFactory<TContext> factory)
    : IUserStore, ITeamStore, IMemberQueryStore, IListQueryStore, IAuditStore, IChangeStore, ISessionStore, IChangeFeed, IChangeFeedCheckpoints, ITryCounterStore, IHeldEventStore, IExpiryStore, IApiKeyUsageStore, ITeamAccessDatabase
    where TContext : DbContext
{
    private const int LoadAllPageSize = 500;

    /// <summary>Addresses per query of <see cref="FindByEmailsAsync"/>: within SQLite's bound on parameters, and one round trip per import batch.</summary>
    private const int EmailLookupChunk = 5_000;

    /// <summary>
    /// The transaction-level advisory lock that numbers PostgreSQL feed entries and audit events in commit order: taken
    /// just before they are inserted, held until COMMIT, so a transaction that numbers its rows after another commits
    /// after it. Without it sequence values follow start order, and a reader at position p could later meet a row below p.
    /// </summary>
    private const string FeedLockSql = "SELECT pg_advisory_xact_lock(127961678570852)"; // 0x746166656564, "tafeed"

    private const string NotifySql = "NOTIFY " + EntityFrameworkChangeFeed.NotifyChannel;

    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>A PostgreSQL commit that adds at least this many rows (an import's batch) copies them instead of inserting each.</summary>
    private const int BulkThreshold = 32;

    /// <summary>Existing users checked and stamped per statement when a commit attaches them to memberships.</summary>
    private const int AttachChunk = 1_000;

    private readonly TeamSnapshotCache _teams = new(TeamSnapshotCache.DefaultRowBudget);

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
    public async ValueTask<long?> GetPositionAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Set<ChangeFeedCheckpointRow>().Where(c => c.Consumer == consumer).Select(c => (long?)c.Position)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask SetPositionAsync(string consumer, long position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // One consumer writes its own row; a racing first write of the same name is a retry away from an update.
            for (var attempt = 0; ; attempt++)
            {
                var updated = await context.Set<ChangeFeedCheckpointRow>()
                    .Where(c => c.Consumer == consumer && c.Position < position)
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.Position, position), cancellationToken).ConfigureAwait(false);
                if (updated > 0 || await context.Set<ChangeFeedCheckpointRow>().AnyAsync(c => c.Consumer == consumer, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                try
                {
                    context.Add(new ChangeFeedCheckpointRow { Consumer = consumer, Position = position });
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (DbUpdateException) when (attempt == 0)
                {
                    context.ChangeTracker.Clear();
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<HeldEvent>> ListHeldEventsAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<HeldEventRow>().AsNoTracking().Where(h => h.Consumer == consumer).OrderBy(h => h.Sequence)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(h => new HeldEvent(h.Consumer, h.Sequence, h.OrderKey, (HeldEventState)h.State, h.Attempts, h.HeldAt, h.LastError, h.DeadLetteredAt))];
        }
    }

    /// <inheritdoc />
    public async ValueTask SaveHeldEventAsync(HeldEvent heldEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heldEvent);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<HeldEventRow>().SingleOrDefaultAsync(h => h.Consumer == heldEvent.Consumer && h.Sequence == heldEvent.Sequence, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new HeldEventRow { Consumer = heldEvent.Consumer, Sequence = heldEvent.Sequence };
                context.Add(row);
            }

            row.OrderKey = heldEvent.OrderKey;
            row.State = (int)heldEvent.State;
            row.Attempts = heldEvent.Attempts;
            row.HeldAt = heldEvent.HeldAt.ToUniversalTime();
            row.LastError = heldEvent.LastError is { Length: > TeamAccessModelBuilderExtensions.MaxHeldEventTextLength } error
                ? error[..TeamAccessModelBuilderExtensions.MaxHeldEventTextLength]
                : heldEvent.LastError;
            row.DeadLetteredAt = heldEvent.DeadLetteredAt?.ToUniversalTime();
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> RemoveHeldEventAsync(string consumer, long sequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Set<HeldEventRow>().Where(h => h.Consumer == consumer && h.Sequence == sequence)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
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

    /// <inheritdoc />
    public async ValueTask<TeamSnapshot?> LoadAsync(TeamId id, CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // One read of the team row by its key; the whole team only when this instance does not hold that version.
            var version = await context.Set<TeamRow>().AsNoTracking().Where(t => t.Id == id.Value).Select(t => (long?)t.Version)
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (version is not { } current)
            {
                _teams.Evict(id);
                return null;
            }

            if (_teams.Find(id, current) is { } held)
            {
                return held;
            }

            var loaded = await SnapshotReader.LoadAsync(context, [id.Value], cancellationToken).ConfigureAwait(false);
            if (loaded.Count == 0)
            {
                return null;
            }

            _teams.Put(loaded[0]);
            return loaded[0];
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoredMembership?> FindMembershipAsync(TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken)
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
    public async ValueTask<(Team Team, StoredMembership? Membership)?> FindTeamAndCurrentMembershipAsync(TeamId teamId, UserId userId, CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // One round trip, what every page of a list pays to authorize: the team by its key, left-joined to the user's
            // current membership in it (at most one, by the partial unique index), read by ix_ta_memberships_user.
            var terminal = SnapshotReader.TerminalStatuses;
            var current = context.Set<MembershipRow>().AsNoTracking().Where(m => m.UserId == userId.Value && !terminal.Contains(m.Status));
            var found = await (
                from t in context.Set<TeamRow>().AsNoTracking().Where(t => t.Id == teamId.Value)
                join m in current on t.Id equals m.TeamId into memberships
                from m in memberships.DefaultIfEmpty()
                select new { Team = t, Membership = m })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return found is null ? null : (RowMapping.ToTeam(found.Team), found.Membership is null ? null : RowMapping.ToMembership(found.Membership));
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
            var page = After(matching, query.After);
            var size = query.EffectivePageSize;
            var rows = await (
                from m in page
                join u in context.Set<UserRow>() on m.UserId equals (Guid?)u.Id into users
                from u in users.DefaultIfEmpty()
                orderby m.Email, m.Id
                select new { Membership = m, FirstName = m.ServiceAccountName ?? (u != null ? u.FirstName : null), LastName = u != null ? u.LastName : null })
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
                r.Membership.CreatedAt) { IsServiceAccount = r.Membership.ServiceAccountName != null }).ToList();
            MemberPageKey? next = rows.Count > size ? new MemberPageKey(members[^1].Email, members[^1].MembershipId) : null;
            return new MemberPage(members, total, next);
        }
    }

    /// <inheritdoc />
    public async ValueTask<Page<StoredMembership, MemberPageKey>> ListInvitationsAsync(TeamId teamId, InvitationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // Walks ix_ta_memberships_team_invitations: (team_id, email, id) over the memberships that began as invitations.
            var matching = context.Set<MembershipRow>().AsNoTracking().Where(m => m.TeamId == teamId.Value && m.InvitationExpiresAt != null);
            if (query.OutstandingOnly)
            {
                matching = matching.Where(m => m.Status == MembershipStatus.Invited || m.Status == MembershipStatus.Expired);
            }

            if (query.NormalizedEmailPrefix is { } prefix)
            {
                matching = matching.Where(m => m.Email.StartsWith(prefix));
            }

            var size = query.EffectivePageSize;
            var rows = await After(matching, query.After).OrderBy(m => m.Email).ThenBy(m => m.Id).Take(size + 1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return Pages.From(rows.ConvertAll(RowMapping.ToMembership), size, m => new MemberPageKey(m.Email, m.Id));
        }
    }

    /// <inheritdoc />
    public async ValueTask<Page<TeamMembershipView, TeamPageKey>> ListTeamsForUserAsync(UserId userId, UserTeamQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // The user's memberships by ix_ta_memberships_user, each team by its key: a user's few rows, sorted by handle.
            var teams = context.Set<TeamRow>().AsNoTracking().Where(t => t.Status == TeamStatus.Active);
            if (query.After is { } after)
            {
                var handle = after.Handle;
                teams = teams.Where(t => t.Handle.CompareTo(handle) > 0);
            }

            var size = query.EffectivePageSize;
            var rows = await (
                from m in context.Set<MembershipRow>().AsNoTracking()
                where m.UserId == userId.Value && (m.Status == MembershipStatus.Active || m.Status == MembershipStatus.Inactive)
                join t in teams on m.TeamId equals t.Id
                orderby t.Handle
                select new { Team = t, m.Id, m.Role, m.Status })
                .Take(size + 1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var views = rows.ConvertAll(r => new TeamMembershipView(RowMapping.ToTeam(r.Team), new MembershipId(r.Id), r.Role, r.Status));
            return Pages.From(views, size, v => new TeamPageKey(v.Team.Handle));
        }
    }

    /// <inheritdoc />
    public async ValueTask<Page<Group, GroupPageKey>> ListGroupsAsync(TeamId teamId, GroupQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // The page by ix_ta_groups_team_handle, then the members of its groups by their primary key: two queries a page.
            var groups = context.Set<GroupRow>().AsNoTracking().Where(g => g.TeamId == teamId.Value);
            if (query.After is { } after)
            {
                var handle = after.Handle;
                groups = groups.Where(g => g.Handle.CompareTo(handle) > 0);
            }

            var size = query.EffectivePageSize;
            var rows = await groups.OrderBy(g => g.Handle).Take(size + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
            var ids = rows.ConvertAll(g => g.Id);
            var members = (await context.Set<GroupMemberRow>().AsNoTracking().Where(m => ids.Contains(m.GroupId))
                .ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(m => m.GroupId, m => m.MembershipId);
            return Pages.From(rows.ConvertAll(g => RowMapping.ToGroup(g, members[g.Id])), size, g => new GroupPageKey(g.Handle));
        }
    }

    /// <inheritdoc />
    public async ValueTask<Page<Grant, GrantPageKey>> ListGrantsAsync(TeamId teamId, GrantQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // ix_ta_grants_team_resource (team_id, resource_id, id), or ix_ta_grants_team_subject for one subject's grants.
            var matching = context.Set<GrantRow>().AsNoTracking().Where(g => g.TeamId == teamId.Value);
            if (query.Subject is { } subject)
            {
                matching = matching.Where(g => g.SubjectId == subject.Id && g.SubjectKind == subject.Kind);
            }

            if (query.ResourceId is { } resource)
            {
                matching = matching.Where(g => g.ResourceId == resource);
            }

            if (query.After is { } after)
            {
                var resourceId = after.ResourceId;
                var id = after.GrantId.Value;
                matching = matching.Where(g => g.ResourceId.CompareTo(resourceId) >= 0 && (g.ResourceId.CompareTo(resourceId) > 0 || g.Id.CompareTo(id) > 0));
            }

            var size = query.EffectivePageSize;
            var rows = await matching.OrderBy(g => g.ResourceId).ThenBy(g => g.Id).Take(size + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
            return Pages.From(rows.ConvertAll(RowMapping.ToGrant), size, g => new GrantPageKey(g.ResourceId, g.Id));
        }
    }

    /// <inheritdoc />
    public async ValueTask<Page<AuditEvent, long>> ListAuditEventsAsync(TeamId teamId, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // ix_ta_audit_events_team (team_id, sequence), walked forward or backward.
            var events = context.Set<AuditEventRow>().AsNoTracking().Where(a => a.TeamId == teamId.Value);
            var after = query.After;
            var ordered = query.NewestFirst
                ? (after is { } newer ? events.Where(a => a.Sequence < newer) : events).OrderByDescending(a => a.Sequence)
                : (after is { } older ? events.Where(a => a.Sequence > older) : events).OrderBy(a => a.Sequence);
            var size = query.EffectivePageSize;
            var rows = await ordered.Take(size + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
            return Pages.From(rows.ConvertAll(RowMapping.ToAuditEvent), size, e => e.Sequence);
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
    public async ValueTask<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // The newest entry of the primary key's index: one index probe, whatever the log's length.
            return await context.Set<AuditEventRow>().MaxAsync(a => (long?)a.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AuditEvent>> ReadAllAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<AuditEventRow>().AsNoTracking()
                .Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence)
                .Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(RowMapping.ToAuditEvent);
        }
    }

    /// <inheritdoc />
    public async ValueTask<Result<long>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        ChangeSetChecks.Check(changes);
        var plan = CommitPlan.For(changes);
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var oversized = StoreErrors.Oversized(context.Model, plan.All);
            if (oversized is not TeamAccessErrorCode.None)
            {
                return Result<long>.Failed(oversized);
            }

            using var refusals = RefusalLogScope.Begin();
            var committed = false;
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
                committed = true;
                return Result<long>.Ok(sequence);
            }
            catch (AttachedUserMissingException)
            {
                return Result<long>.Failed(TeamAccessErrorCode.NotFound);
            }
            catch (Exception exception) when (StoreErrors.TryClassify(exception, context.Model, out var code))
            {
                refusals.Refused(code);
                return Result<long>.Failed(code);
            }
            finally
            {
                // What this instance holds follows the commit: the stored team (the one held at the change's expected
                // version with the change's operations applied), or nothing when the commit failed, its outcome is
                // unknown, or the team was not held (the next read loads it again).
                foreach (var team in changes.Teams)
                {
                    var before = team.IsNew ? TeamSnapshot.Empty(team.After) : _teams.Find(team.After.Id, team.ExpectedVersion);
                    if (committed && before is not null)
                    {
                        _teams.Put(before.Apply(team));
                    }
                    else
                    {
                        _teams.Evict(team.After.Id);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var context = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            if (typeof(TContext) != typeof(TeamAccessDbContext))
            {
                // A host's own context (ApplyTeamAccessModel beside its tables) carries its own migrations.
                await TeamAccessMigrator.MigrateAsync(context, cancellationToken).ConfigureAwait(false);
                return;
            }

            var shipped = TeamAccessMigrator.CreateShippedContext(context);
            await using (shipped.ConfigureAwait(false))
            {
                await TeamAccessMigrator.MigrateAsync(shipped, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The memberships after a page's last (email, id), the key the member and invitation pages are ordered by.</summary>
    private static IQueryable<MembershipRow> After(IQueryable<MembershipRow> memberships, MemberPageKey? after)
    {
        if (after is not { } last)
        {
            return memberships;
        }

        var email = last.Email;
        var id = last.MembershipId.Value;
        // The leading "email >= last" bounds the index range itself, so a page starts where the last ended instead of
        // walking (and filtering) every entry before it; the rest picks the rows after the last key within that range.
        return memberships.Where(m => m.Email.CompareTo(email) >= 0 && (m.Email.CompareTo(email) > 0 || m.Id.CompareTo(id) > 0));
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

            var postgreSql = string.Equals(context.Database.ProviderName, PostgreSqlProvider, StringComparison.Ordinal);
            var bulk = postgreSql && plan.AddedCount >= BulkThreshold;
            if (bulk)
            {
                await CopyAsync(context, plan.Heads, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Track(context, plan.Heads);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            // The user row is checked (and its stamp replaced, which holds a concurrent deletion off until this commits
            // and then makes it conflict) inside the transaction that attaches the membership.
            // (One statement for a chunk of users: an import attaches thousands of existing users in one commit.)
            foreach (var users in plan.AttachedUsers.Chunk(AttachChunk))
            {
                var stamp = Guid.NewGuid();
                var touched = await context.Set<UserRow>().Where(u => users.Contains(u.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken).ConfigureAwait(false);
                if (touched != users.Length)
                {
                    throw new AttachedUserMissingException();
                }
            }

            Track(context, plan.Logins);
            Track(context, plan.Passkeys);
            Track(context, plan.RevokedSessions);
            if (bulk)
            {
                // Changed and removed rows first (an expired invitation closed before its address is invited anew keeps
                // the unique index of current memberships), then the new rows by COPY.
                Track(context, plan.Contents.Where(c => c.State != EntityState.Added));
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await CopyAsync(context, plan.Contents.Where(c => c.State == EntityState.Added), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Track(context, plan.Contents);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            if (plan.PurgeRevokedSessionsBefore > 0)
            {
                var before = plan.PurgeRevokedSessionsBefore;
                await context.Set<RevokedSessionRow>().Where(r => r.ExpiresAtUtcTicks < before).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            // The audit rows and feed entries last, so that on PostgreSQL the lock that numbers both in commit order is
            // held only from here to COMMIT: a reader of either that has read up to n never later meets a committed row
            // below n (the membership events are projected from the audit log on that promise). SQLite has one writer
            // at a time, so its numbering follows commit order already.
            long? copiedSequence = null;
            if (plan.Audit.Count > 0 || plan.Feed.Count > 0)
            {
                if (postgreSql)
                {
                    await context.Database.ExecuteSqlRawAsync(FeedLockSql, cancellationToken).ConfigureAwait(false);
                }

                if (bulk && plan.Audit.Count > 0)
                {
                    await PostgreSqlBulkInsert.CopyAsync(context, plan.Audit, cancellationToken).ConfigureAwait(false);
                    copiedSequence = await PostgreSqlBulkInsert.LastIdentityAsync(context, typeof(AuditEventRow), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    context.AddRange(plan.Audit);
                }

                context.AddRange(plan.Feed);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                if (postgreSql && plan.Feed.Count > 0)
                {
                    // One payload-free NOTIFY per commit, delivered at COMMIT: followers wake and read the feed.
                    await context.Database.ExecuteSqlRawAsync(NotifySql, cancellationToken).ConfigureAwait(false);
                }
            }

            var sequence = copiedSequence ?? (plan.Audit.Count > 0
                ? plan.Audit[^1].Sequence
                : await context.Set<AuditEventRow>().MaxAsync(a => (long?)a.Sequence, cancellationToken).ConfigureAwait(false) ?? 0);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return sequence;
        }
    }

    /// <summary>Copies added rows, a table at a time in the order met (a parent's table before its children's).</summary>
    private static async Task CopyAsync(DbContext context, IEnumerable<RowChange> added, CancellationToken cancellationToken)
    {
        foreach (var table in added.Select(c => c.Row).GroupBy(r => r.GetType()))
        {
            await PostgreSqlBulkInsert.CopyAsync(context, table.ToList(), cancellationToken).ConfigureAwait(false);
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
