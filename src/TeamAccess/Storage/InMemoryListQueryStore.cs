namespace TeamAccess.Storage;

/// <summary>The keyset-paged lists (members, invitations, a user's teams, groups, grants, audit) and the team-and-membership read that authorizes each page.</summary>
internal sealed class InMemoryListQueryStore(InMemoryTeamAccessStore store) : IMemberQueryStore, IListQueryStore
{
    /// <inheritdoc />
    public ValueTask<(Team Team, StoredMembership? Membership)?> FindTeamAndCurrentMembershipAsync(TeamId teamId, UserId userId, CancellationToken cancellationToken)
    {
        lock (store.Gate)
        {
            return ValueTask.FromResult<(Team, StoredMembership?)?>(store.Teams.TryGetValue(teamId, out var team) ? (team.Team, team.FindCurrentMembership(userId)) : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<MemberPage> ListMembersAsync(TeamId teamId, MemberQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        TeamSnapshot? team;
        Dictionary<UserId, StoredUser> users;
        lock (store.Gate)
        {
            team = store.Teams.GetValueOrDefault(teamId);
            users = team is null ? [] : team.Memberships.Values.Where(m => m.UserId is { } u && store.Users.ContainsKey(u)).Select(m => store.Users[m.UserId!.Value]).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        }

        if (team is null)
        {
            return ValueTask.FromResult(new MemberPage([], 0, null));
        }

        var prefix = query.NormalizedEmailPrefix;
        var matching = team.Memberships.Values
            .Where(m => query.Status is { } status ? m.Status == status : !m.Status.IsTerminal())
            .Where(m => query.Role is null || string.Equals(m.Role, query.Role, StringComparison.Ordinal))
            .Where(m => prefix is null || m.Email.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        var size = query.EffectivePageSize;
        var page = matching
            .Where(m => query.After is not { } after || IsAfter(m.Email, m.Id.Value, after.Email, after.MembershipId.Value))
            .OrderBy(m => m.Email, StringComparer.Ordinal)
            .ThenBy(m => m.Id.Value)
            .Take(size + 1)
            .ToList();
        var views = page.Take(size).Select(m =>
        {
            var user = m.UserId is { } id ? users.GetValueOrDefault(id) : null;
            return new MemberView(m.Id, m.UserId, m.Email, m.ServiceAccountName ?? user?.FirstName, user?.LastName, m.Role, m.Status, m.CreatedAt) { IsServiceAccount = m.IsServiceAccount, Origin = m.Origin, ExternalId = m.ExternalId };
        }).ToList();
        MemberPageKey? next = page.Count > size ? new MemberPageKey(views[^1].Email, views[^1].MembershipId) : null;
        return ValueTask.FromResult(new MemberPage(views, query.After is null ? matching.Count : null, next));
    }

    /// <inheritdoc />
    public ValueTask<Page<StoredMembership, MemberPageKey>> ListInvitationsAsync(TeamId teamId, InvitationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var prefix = query.NormalizedEmailPrefix;
        var rows = (FindTeam(teamId)?.Memberships.Values ?? [])
            .Where(m => m.Invitation is not null)
            .Where(m => !query.OutstandingOnly || m.Status is MembershipStatus.Invited or MembershipStatus.Expired)
            .Where(m => prefix is null || m.Email.StartsWith(prefix, StringComparison.Ordinal))
            .Where(m => query.After is not { } after || IsAfter(m.Email, m.Id.Value, after.Email, after.MembershipId.Value))
            .OrderBy(m => m.Email, StringComparer.Ordinal)
            .ThenBy(m => m.Id.Value);
        return ValueTask.FromResult(Pages.From(Take(rows, query.EffectivePageSize), query.EffectivePageSize, m => new MemberPageKey(m.Email, m.Id)));
    }

    /// <inheritdoc />
    public ValueTask<Page<TeamMembershipView, TeamPageKey>> ListTeamsForUserAsync(UserId userId, UserTeamQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<TeamSnapshot> teams;
        lock (store.Gate)
        {
            teams = store.TeamIdsByUser.TryGetValue(userId, out var ids) ? [.. ids.Select(id => store.Teams[id])] : [];
        }

        var rows = teams
            .Where(t => t.Team.Status == TeamStatus.Active && (query.After is not { } after || string.CompareOrdinal(t.Team.Handle, after.Handle) > 0))
            .Select(t => (Team: t.Team, Membership: t.FindCurrentMembership(userId)))
            .Where(t => t.Membership is { Status: MembershipStatus.Active or MembershipStatus.Inactive })
            .OrderBy(t => t.Team.Handle, StringComparer.Ordinal)
            .Select(t => new TeamMembershipView(t.Team, t.Membership!.Id, t.Membership.Role, t.Membership.Status));
        return ValueTask.FromResult(Pages.From(Take(rows, query.EffectivePageSize), query.EffectivePageSize, v => new TeamPageKey(v.Team.Handle)));
    }

    /// <inheritdoc />
    public ValueTask<Page<Group, GroupPageKey>> ListGroupsAsync(TeamId teamId, GroupQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = (FindTeam(teamId)?.Groups.Values ?? [])
            .Where(g => query.After is not { } after || string.CompareOrdinal(g.Handle, after.Handle) > 0)
            .OrderBy(g => g.Handle, StringComparer.Ordinal);
        return ValueTask.FromResult(Pages.From(Take(rows, query.EffectivePageSize), query.EffectivePageSize, g => new GroupPageKey(g.Handle)));
    }

    /// <inheritdoc />
    public ValueTask<Page<Grant, GrantPageKey>> ListGrantsAsync(TeamId teamId, GrantQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = (FindTeam(teamId)?.Grants.Values ?? [])
            .Where(g => (query.Subject is not { } subject || g.Subject == subject) && (query.ResourceId is not { } resource || string.Equals(g.ResourceId, resource, StringComparison.Ordinal)))
            .Where(g => query.After is not { } after || IsAfter(g.ResourceId, g.Id.Value, after.ResourceId, after.GrantId.Value))
            .OrderBy(g => g.ResourceId, StringComparer.Ordinal)
            .ThenBy(g => g.Id.Value);
        return ValueTask.FromResult(Pages.From(Take(rows, query.EffectivePageSize), query.EffectivePageSize, g => new GrantPageKey(g.ResourceId, g.Id)));
    }

    /// <inheritdoc />
    public ValueTask<Page<AuditEvent, long>> ListAuditEventsAsync(TeamId teamId, AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        AuditEvent[] events;
        lock (store.Gate)
        {
            events = store.AuditByTeam.TryGetValue(teamId, out var list) ? [.. list] : [];
        }

        var rows = query.NewestFirst
            ? events.Where(e => query.After is not { } after || e.Sequence < after).OrderByDescending(e => e.Sequence)
            : events.Where(e => query.After is not { } after || e.Sequence > after).OrderBy(e => e.Sequence);
        return ValueTask.FromResult(Pages.From(Take(rows, query.EffectivePageSize), query.EffectivePageSize, e => e.Sequence));
    }

    private static List<T> Take<T>(IEnumerable<T> ordered, int pageSize) => [.. ordered.Take(pageSize + 1)];

    /// <summary>Whether (text, id) sorts after a page's last key: by ordinal text, then by id.</summary>
    private static bool IsAfter(string text, Guid id, string afterText, Guid afterId) =>
        string.CompareOrdinal(text, afterText) is var byText && (byText > 0 || (byText == 0 && id.CompareTo(afterId) > 0));

    private TeamSnapshot? FindTeam(TeamId teamId)
    {
        lock (store.Gate)
        {
            return store.Teams.GetValueOrDefault(teamId);
        }
    }
}
