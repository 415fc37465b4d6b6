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
}
