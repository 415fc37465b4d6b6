using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>The keyset-paged lists (members, invitations, a user's teams, groups, grants, audit) and the team-and-membership read that authorizes each page.</summary>
internal sealed class EntityFrameworkListQueryStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IMemberQueryStore, IListQueryStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async ValueTask<(Team Team, StoredMembership? Membership)?> FindTeamAndCurrentMembershipAsync(TeamId teamId, UserId userId, CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
                r.Membership.CreatedAt) { IsServiceAccount = r.Membership.ServiceAccountName != null, Origin = r.Membership.Origin, ExternalId = r.Membership.ExternalId }).ToList();
            MemberPageKey? next = rows.Count > size ? new MemberPageKey(members[^1].Email, members[^1].MembershipId) : null;
            return new MemberPage(members, total, next);
        }
    }

    /// <inheritdoc />
    public async ValueTask<Page<StoredMembership, MemberPageKey>> ListInvitationsAsync(TeamId teamId, InvitationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
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
}
