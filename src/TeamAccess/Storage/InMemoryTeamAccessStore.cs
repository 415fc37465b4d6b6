using System.Runtime.CompilerServices;

namespace TeamAccess.Storage;

/// <summary>
/// The default store: everything in memory, safe under concurrent use. A commit takes one lock, checks every version,
/// stamp and constraint first and then applies all or nothing; reads return immutable objects and never block on a
/// commit for longer than a dictionary lookup. Several service providers given the same instance behave as several host
/// instances on one database: each commit appends to the change feed and wakes every follower.
/// </summary>
public sealed partial class InMemoryTeamAccessStore : IUserStore, ITeamStore, IMemberQueryStore, IListQueryStore, IAuditStore, IChangeStore, ISessionStore, IChangeFeed, IChangeFeedNotifier, IChangeFeedCheckpoints, ITryCounterStore, IHeldEventStore, IExpiryStore, IApiKeyUsageStore
{
    private readonly object _gate = new();
    private readonly Dictionary<UserId, StoredUser> _users = [];
    private readonly Dictionary<string, UserId> _userIdsByEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Issuer, string Subject), ExternalLogin> _logins = [];
    private readonly Dictionary<TeamId, TeamSnapshot> _teams = [];
    private readonly Dictionary<string, TeamId> _teamIdsByHandle = new(StringComparer.Ordinal);
    private readonly Dictionary<UserId, HashSet<TeamId>> _teamIdsByUser = [];
    private readonly Dictionary<TeamId, List<AuditEvent>> _auditByTeam = [];
    private readonly List<AuditEvent> _audit = [];
    private readonly List<ChangeFeedEntry> _feed = [];
    private readonly Dictionary<string, long> _checkpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Consumer, long Sequence), HeldEvent> _heldEvents = [];
    private event Action? Committed;
    private readonly Dictionary<Guid, RevokedSession> _revokedSessions = [];
    private readonly Dictionary<string, (int Count, DateTimeOffset WindowEndsAt)> _tryCounters = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Gets the number of audit events stored (all teams and users).</summary>
    public int AuditEventCount
    {
        get
        {
            lock (_gate)
            {
                return _audit.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredUser?> FindByIdAsync(UserId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_users.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedEmail);
        lock (_gate)
        {
            return ValueTask.FromResult(_userIdsByEmail.TryGetValue(normalizedEmail, out var id) ? _users[id] : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredUser>> FindByEmailsAsync(IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedEmails);
        lock (_gate)
        {
            IReadOnlyList<StoredUser> found = normalizedEmails.Distinct(StringComparer.Ordinal)
                .Where(_userIdsByEmail.ContainsKey).Select(email => _users[_userIdsByEmail[email]]).ToArray();
            return ValueTask.FromResult(found);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredUser?> FindByLoginAsync(string issuer, string subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(subject);
        lock (_gate)
        {
            return ValueTask.FromResult(_logins.TryGetValue((issuer, subject), out var login) ? _users.GetValueOrDefault(login.UserId) : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TeamId>> ListTeamsWithExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<TeamId> due = [.. _teams.Values
                .Where(t => t.Team.Status != TeamStatus.Deleted)
                .Where(t => t.Team.OwnershipOffer?.ExpiresAt <= now
                    || t.Memberships.Values.Any(m => m.Status == MembershipStatus.Invited && m.Invitation?.ExpiresAt <= now))
                .Select(t => t.Id)
                .Take(limit)];
            return ValueTask.FromResult(due);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryCountAsync(string key, int limit, DateTimeOffset now, DateTimeOffset windowEndsAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, ITryCounterStore.MaxKeyLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            if (_tryCounters.TryGetValue(key, out var counter) && counter.WindowEndsAt > now)
            {
                if (counter.Count >= limit)
                {
                    return ValueTask.FromResult(false);
                }

                _tryCounters[key] = (counter.Count + 1, counter.WindowEndsAt);
                return ValueTask.FromResult(true);
            }

            // A new window: the rows whose window ended go first, so the table holds only live windows.
            foreach (var ended in _tryCounters.Where(c => c.Value.WindowEndsAt <= now).Select(c => c.Key).ToList())
            {
                _tryCounters.Remove(ended);
            }

            _tryCounters[key] = (1, windowEndsAt);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask UncountAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_tryCounters.TryGetValue(key, out var counter) && counter.Count > 0)
            {
                _tryCounters[key] = (counter.Count - 1, counter.WindowEndsAt);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<UserSessionState?> FindSessionStateAsync(UserId userId, Guid sessionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<UserSessionState?>(_users.TryGetValue(userId, out var user)
                ? new UserSessionState(user.SessionStamp, _revokedSessions.ContainsKey(sessionId))
                : null);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RevokedSession> ListRevokedSessionsAsync(DateTimeOffset notExpiredAt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RevokedSession[] revoked;
        lock (_gate)
        {
            revoked = [.. _revokedSessions.Values.Where(r => r.ExpiresAt > notExpiredAt)];
        }

        foreach (var session in revoked)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return session;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<TeamSnapshot?> LoadAsync(TeamId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_teams.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredMembership?> FindMembershipAsync(TeamId teamId, MembershipId membershipId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_teams.TryGetValue(teamId, out var team) && team.Team.Status == TeamStatus.Active
                ? team.Memberships.GetValueOrDefault(membershipId)
                : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<Team?> FindTeamAsync(TeamId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_teams.GetValueOrDefault(id)?.Team);
        }
    }

    /// <inheritdoc />
    public ValueTask<TeamId?> FindIdByHandleAsync(string handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        lock (_gate)
        {
            return ValueTask.FromResult<TeamId?>(_teamIdsByHandle.TryGetValue(handle, out var id) ? id : null);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TeamId> ListTeamIdsForUserAsync(UserId userId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TeamId[] ids;
        lock (_gate)
        {
            ids = _teamIdsByUser.TryGetValue(userId, out var set) ? [.. set] : [];
        }

        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return id;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<(Team Team, StoredMembership? Membership)?> FindTeamAndCurrentMembershipAsync(TeamId teamId, UserId userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<(Team, StoredMembership?)?>(_teams.TryGetValue(teamId, out var team) ? (team.Team, team.FindCurrentMembership(userId)) : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<MemberPage> ListMembersAsync(TeamId teamId, MemberQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        TeamSnapshot? team;
        Dictionary<UserId, StoredUser> users;
        lock (_gate)
        {
            team = _teams.GetValueOrDefault(teamId);
            users = team is null ? [] : team.Memberships.Values.Where(m => m.UserId is { } u && _users.ContainsKey(u)).Select(m => _users[m.UserId!.Value]).DistinctBy(u => u.Id).ToDictionary(u => u.Id);
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
            return new MemberView(m.Id, m.UserId, m.Email, m.ServiceAccountName ?? user?.FirstName, user?.LastName, m.Role, m.Status, m.CreatedAt) { IsServiceAccount = m.IsServiceAccount };
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
        lock (_gate)
        {
            teams = _teamIdsByUser.TryGetValue(userId, out var ids) ? [.. ids.Select(id => _teams[id])] : [];
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
        lock (_gate)
        {
            events = _auditByTeam.TryGetValue(teamId, out var list) ? [.. list] : [];
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
        lock (_gate)
        {
            return _teams.GetValueOrDefault(teamId);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TeamSnapshot> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TeamSnapshot[] all;
        lock (_gate)
        {
            all = [.. _teams.Values];
        }

        foreach (var snapshot in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return snapshot;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEvent> ListAsync(TeamId teamId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AuditEvent[] events;
        lock (_gate)
        {
            events = _auditByTeam.TryGetValue(teamId, out var list) ? [.. list] : [];
        }

        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_audit.Count == 0 ? 0 : _audit[^1].Sequence);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AuditEvent>> ReadAllAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // The log is kept in sequence order: the first event after the position is found by halving.
            int low = 0, high = _audit.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_audit[middle].Sequence <= after)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return ValueTask.FromResult<IReadOnlyList<AuditEvent>>(_audit.GetRange(low, Math.Min(limit, _audit.Count - low)).ToArray());
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<long>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        long sequence;
        lock (_gate)
        {
            var applied = new Dictionary<TeamId, TeamSnapshot>();
            var refusal = Check(changes, applied);
            if (refusal is not TeamAccessErrorCode.None)
            {
                return ValueTask.FromResult(Result<long>.Failed(refusal));
            }

            Apply(changes, applied);
            sequence = _sequence;
            foreach (var team in changes.Teams)
            {
                _feed.Add(new ChangeFeedEntry(_feed.Count + 1, team.After.Id, team.After.Version, null));
            }

            foreach (var user in changes.ChangedUserIds)
            {
                _feed.Add(new ChangeFeedEntry(_feed.Count + 1, null, 0, user));
            }
        }

        Committed?.Invoke();
        return ValueTask.FromResult(Result<long>.Ok(sequence));
    }

    /// <inheritdoc />
    public ValueTask<long> GetHeadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult((long)_feed.Count);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ChangeFeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            // Positions are 1-based list indexes: the entry after position p is at index p.
            var start = (int)Math.Min(after, _feed.Count);
            IReadOnlyList<ChangeFeedEntry> page = _feed.GetRange(start, Math.Min(limit, _feed.Count - start));
            return ValueTask.FromResult(page);
        }
    }

    /// <inheritdoc />
    public ValueTask<long?> GetPositionAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_gate)
        {
            return ValueTask.FromResult(_checkpoints.TryGetValue(consumer, out var position) ? position : (long?)null);
        }
    }

    /// <inheritdoc />
    public ValueTask SetPositionAsync(string consumer, long position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_gate)
        {
            _checkpoints[consumer] = Math.Max(position, _checkpoints.GetValueOrDefault(consumer));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<HeldEvent>> ListHeldEventsAsync(string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_gate)
        {
            IReadOnlyList<HeldEvent> held = [.. _heldEvents.Values.Where(h => h.Consumer == consumer).OrderBy(h => h.Sequence)];
            return ValueTask.FromResult(held);
        }
    }

    /// <inheritdoc />
    public ValueTask SaveHeldEventAsync(HeldEvent heldEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heldEvent);
        lock (_gate)
        {
            _heldEvents[(heldEvent.Consumer, heldEvent.Sequence)] = heldEvent;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveHeldEventAsync(string consumer, long sequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        lock (_gate)
        {
            return ValueTask.FromResult(_heldEvents.Remove((consumer, sequence)));
        }
    }

    /// <inheritdoc />
    public async Task ListenAsync(Action changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        Committed += changed;
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped listening.
        }
        finally
        {
            Committed -= changed;
        }
    }

    /// <summary>
    /// Checks a change set against what is stored, as a database's tokens and unique indexes would, and builds each
    /// changed team by applying its operations to the stored one. Nothing is changed here.
    /// </summary>
    private TeamAccessErrorCode Check(ChangeSet changes, Dictionary<TeamId, TeamSnapshot> applied)
    {
        ChangeSetChecks.Check(changes);

        // Stale versions and stamps first: a writer that lost a race retries on a conflict rather than meeting a unique
        // constraint that the winner's change has just filled (two accepts that each create the invited user).
        foreach (var change in changes.Teams)
        {
            var stored = _teams.GetValueOrDefault(change.After.Id);
            if (change.IsNew ? stored is not null : stored?.Version != change.ExpectedVersion)
            {
                return TeamAccessErrorCode.ConcurrencyFailure;
            }
        }

        var emailsTaken = new HashSet<string>(StringComparer.Ordinal);
        var emailsFreed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes.Users)
        {
            if (change.Before is { } before)
            {
                if (!_users.TryGetValue(before.Id, out var stored) || stored.ConcurrencyStamp != before.ConcurrencyStamp)
                {
                    return TeamAccessErrorCode.ConcurrencyFailure;
                }

                if (change.After is null)
                {
                    emailsFreed.Add(before.Email);
                }
            }
            else if (change.After is { } created)
            {
                if (_users.ContainsKey(created.Id))
                {
                    return TeamAccessErrorCode.ConcurrencyFailure;
                }

                if ((_userIdsByEmail.ContainsKey(created.Email) && !emailsFreed.Contains(created.Email)) || !emailsTaken.Add(created.Email))
                {
                    return TeamAccessErrorCode.DuplicateEmail;
                }
            }
        }

        var loginsTaken = new HashSet<(string, string)>();
        foreach (var login in changes.AddedLogins)
        {
            if (_logins.ContainsKey((login.Issuer, login.Subject)) || !loginsTaken.Add((login.Issuer, login.Subject)))
            {
                return TeamAccessErrorCode.LoginAlreadyLinked;
            }

            if (!UserExistsAfter(changes, login.UserId))
            {
                return TeamAccessErrorCode.NotFound;
            }
        }

        var handlesTaken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes.Teams)
        {
            if (change.IsNew && (_teamIdsByHandle.ContainsKey(change.After.Handle) || !handlesTaken.Add(change.After.Handle)))
            {
                return TeamAccessErrorCode.DuplicateHandle;
            }

            var team = (_teams.GetValueOrDefault(change.After.Id) ?? TeamSnapshot.Empty(change.After)).Apply(change);
            var constraint = Unique(team, change);
            if (constraint is not TeamAccessErrorCode.None)
            {
                return constraint;
            }

            // A membership that becomes a user's current one needs that user to exist when it commits: a user deleted
            // since the writer read it must not leave a ghost member (who could even count as the team's guardian).
            if (ChangeSetChecks.AttachedUsers(change).Any(userId => !UserExistsAfter(changes, userId)))
            {
                return TeamAccessErrorCode.NotFound;
            }

            applied[team.Id] = team;
        }

        return TeamAccessErrorCode.None;
    }

    private bool UserExistsAfter(ChangeSet changes, UserId userId) =>
        (_users.ContainsKey(userId) || changes.Users.Any(u => u.Before is null && u.After?.Id == userId))
        && !changes.Users.Any(u => u.After is null && u.Before?.Id == userId);

    /// <summary>
    /// This store's unique indexes, checked for the rows the change put: at most one current membership per user and per
    /// email in a team (invariant 3), group handles unique in a team.
    /// </summary>
    private static TeamAccessErrorCode Unique(TeamSnapshot team, TeamChange change)
    {
        foreach (var operation in change.Operations)
        {
            if (operation is MembershipPut { After.Id: var id } && team.Memberships[id] is { } put && !put.Status.IsTerminal()
                && team.Memberships.Values.Any(m => m.Id != id && !m.Status.IsTerminal() && ((put.UserId is { } user && m.UserId == user) || m.Email == put.Email)))
            {
                return TeamAccessErrorCode.AlreadyMember;
            }

            if (operation is GroupPut { After.Id: var groupId } && team.Groups.TryGetValue(groupId, out var group)
                && team.Groups.Values.Any(g => g.Id != groupId && g.Handle == group.Handle))
            {
                return TeamAccessErrorCode.DuplicateHandle;
            }
        }

        return TeamAccessErrorCode.None;
    }

    private void Apply(ChangeSet changes, Dictionary<TeamId, TeamSnapshot> applied)
    {
        foreach (var change in changes.Users)
        {
            if (change.After is { } after)
            {
                _users[after.Id] = after;
                _userIdsByEmail[after.Email] = after.Id;
            }
            else if (change.Before is { } deleted)
            {
                _users.Remove(deleted.Id);
                _userIdsByEmail.Remove(deleted.Email);
                foreach (var key in _logins.Where(l => l.Value.UserId == deleted.Id).Select(l => l.Key).ToList())
                {
                    _logins.Remove(key);
                }
            }
        }

        foreach (var login in changes.AddedLogins)
        {
            _logins[(login.Issuer, login.Subject)] = login;
        }

        foreach (var revoked in changes.RevokedSessions)
        {
            // Entries past their expiry guard nothing (every token of theirs has expired): drop them as new ones arrive.
            foreach (var expired in _revokedSessions.Values.Where(r => r.ExpiresAt < revoked.RevokedAt).Select(r => r.SessionId).ToList())
            {
                _revokedSessions.Remove(expired);
            }

            _revokedSessions.TryAdd(revoked.SessionId, revoked);
        }

        foreach (var change in changes.Teams)
        {
            // A user who gains a current membership gets a new stamp, so that a deletion of that user decided on what it
            // read before meets a conflict, reads again, and removes this membership too.
            foreach (var userId in ChangeSetChecks.AttachedUsers(change))
            {
                if (_users.TryGetValue(userId, out var attached) && !changes.Users.Any(u => u.After?.Id == userId))
                {
                    _users[userId] = attached with { ConcurrencyStamp = Guid.NewGuid() };
                }
            }

            var before = _teams.GetValueOrDefault(change.After.Id);
            var after = applied[change.After.Id];
            if (before is null)
            {
                _teamIdsByHandle[change.After.Handle] = change.After.Id;
            }

            // The user's teams, for the memberships the change put only.
            foreach (var id in change.Operations.OfType<MembershipPut>().Select(p => p.After.Id).Distinct())
            {
                if (before?.Memberships.GetValueOrDefault(id) is { UserId: { } formerUser } former && !former.Status.IsTerminal()
                    && _teamIdsByUser.TryGetValue(formerUser, out var formerSet))
                {
                    formerSet.Remove(after.Id);
                }

                if (after.Memberships[id] is { UserId: { } userId } current && !current.Status.IsTerminal())
                {
                    if (!_teamIdsByUser.TryGetValue(userId, out var set))
                    {
                        _teamIdsByUser[userId] = set = [];
                    }

                    set.Add(after.Id);
                }
            }

            _teams[after.Id] = after;
        }

        foreach (var e in changes.AuditEvents)
        {
            var stored = e with { Sequence = ++_sequence };
            _audit.Add(stored);
            if (stored.TeamId is { } teamId)
            {
                if (!_auditByTeam.TryGetValue(teamId, out var list))
                {
                    _auditByTeam[teamId] = list = [];
                }

                list.Add(stored);
            }
        }
    }
}
