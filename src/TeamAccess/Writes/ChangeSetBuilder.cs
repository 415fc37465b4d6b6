using TeamAccess.Domain;

namespace TeamAccess.Writes;

/// <summary>
/// Collects one write attempt's changes: the users it creates, updates or deletes, and one <see cref="TeamAggregate"/>
/// per team it touches, which records every operation it performs. <see cref="Build"/> turns them into the
/// <see cref="ChangeSet"/> a store applies; its audit events are the projection of those operations, in order.
/// </summary>
internal sealed class ChangeSetBuilder(UserId? actor, DateTimeOffset now, RoleCatalog? roles = null) : IChangeLog
{
    private readonly List<UserChange> _users = [];
    private readonly List<TeamAggregate> _teams = [];
    private readonly List<(TeamId? Team, TeamOperation? Operation, AuditEvent? Event)> _log = [];
    private readonly List<ExternalLogin> _logins = [];
    private readonly List<RevokedSession> _revokedSessions = [];
    private readonly List<PasskeyChange> _passkeys = [];

    public UserId? Actor { get; } = actor;

    /// <summary>Gets the API key the actor acts through (<see cref="ActingCredential"/>), recorded on the actor's audit events.</summary>
    public ApiKeyId? ActorKeyId { get; init; }

    public DateTimeOffset Now { get; } = now;

    /// <summary>Gets the role catalog the aggregates' rules read; only a write that runs rules needs it.</summary>
    public RoleCatalog Roles => roles ?? throw new InvalidOperationException("This change set was built without a role catalog.");

    public bool IsEmpty => _users.Count == 0 && _log.Count == 0 && _logins.Count == 0 && _revokedSessions.Count == 0 && _passkeys.Count == 0;

    /// <summary>The aggregate of a loaded team for this attempt; a team edited twice in one attempt is one aggregate.</summary>
    public TeamAggregate Edit(TeamSnapshot loaded)
    {
        foreach (var existing in _teams)
        {
            if (existing.Id == loaded.Id)
            {
                return existing;
            }
        }

        var team = new TeamAggregate(this, loaded, loaded);
        _teams.Add(team);
        return team;
    }

    public TeamAggregate Create(Team team)
    {
        var created = new TeamAggregate(this, null, TeamSnapshot.Empty(team with { Version = 0 }));
        _teams.Add(created);
        created.SetTeam(team with { Version = 0 }, AuditActions.TeamCreated);
        return created;
    }

    public void CreateUser(StoredUser user)
    {
        _users.Add(new UserChange(null, user));
        RecordUser(user.Id.Value, AuditActions.UserCreated, null, user);
    }

    /// <summary>Updates a user; <paramref name="teamId"/> puts the event in that team's log too (a team's guardian edited the user).</summary>
    public void UpdateUser(StoredUser before, StoredUser after, string action, TeamId? teamId = null)
    {
        _users.Add(new UserChange(before, after with { ConcurrencyStamp = Guid.NewGuid() }));
        RecordUser(after.Id.Value, action, before, after, teamId);
    }

    /// <summary>Links an external identity to a user; the event records the link (issuer, subject), which is no secret.</summary>
    public void LinkLogin(ExternalLogin login)
    {
        _logins.Add(login);
        RecordUser(login.UserId.Value, AuditActions.UserLoginLinked, null, login);
    }

    /// <summary>
    /// Registers (no <paramref name="before"/>), updates or removes (no <paramref name="after"/>) a passkey. Its user must
    /// be updated in the same change (<see cref="UpdateUser"/>), whose event records it and whose stamp guards it.
    /// </summary>
    public void PutPasskey(StoredPasskey? before, StoredPasskey? after) => _passkeys.Add(new PasskeyChange(before, after));

    /// <summary>Signs one session out; the event names the session id, which is no secret without a signed token.</summary>
    public void RevokeSession(RevokedSession session)
    {
        _revokedSessions.Add(session);
        RecordUser(session.UserId.Value, AuditActions.UserSignedOut, null, session);
    }

    /// <summary>
    /// Records an attempt whose subject does not exist (an unknown address, an unknown team): an event with no subject
    /// and nothing else, so that the attempt costs the committed write a counted attempt on a real subject costs, and
    /// its timing does not tell whether the subject exists.
    /// </summary>
    public void RecordAttempt(string action) => RecordUser<StoredUser>(Guid.Empty, action, null, null);

    public void DeleteUser(StoredUser user)
    {
        _users.Add(new UserChange(user, null));
        RecordUser(user.Id.Value, AuditActions.UserDeleted, user, null);
    }

    /// <summary>The change set, and each changed team as it will be stored (version bumped) with what changed for the permission index.</summary>
    public ChangeSet Build(out IReadOnlyList<StoredTeam> storedTeams)
    {
        var teamChanges = new List<TeamChange>();
        var stored = new List<StoredTeam>();
        foreach (var team in _teams)
        {
            if (team.Changed)
            {
                var change = team.ToChange();
                teamChanges.Add(change);
                stored.Add(new StoredTeam(team.Current with { Team = change.After }, team.IndexDelta()));
            }
        }

        var audit = new List<AuditEvent>(_log.Count);
        foreach (var (teamId, operation, recorded) in _log)
        {
            if ((recorded ?? operation!.ToAudit(Actor, Now, teamId!.Value)) is { } e)
            {
                audit.Add(ActorKeyId is { } key && e.ActorId is { } by && by == Actor ? e with { ActorKeyId = key } : e);
            }
        }

        storedTeams = stored;
        return new ChangeSet(_users.ToArray(), teamChanges, audit) { AddedLogins = _logins.ToArray(), RevokedSessions = _revokedSessions.ToArray(), Passkeys = _passkeys.ToArray() };
    }

    /// <summary>Called by an aggregate for each operation it performs, so the audit keeps the order across teams and users.</summary>
    public void Log(TeamId teamId, TeamOperation operation) => _log.Add((teamId, operation, null));

    private void RecordUser<T>(Guid subjectId, string action, T? before, T? after, TeamId? teamId = null)
        where T : class =>
        _log.Add((teamId, null, new AuditEvent(0, Now, Actor, teamId, AuditSubjectKind.User, subjectId, action, AuditJson.Serialize(before), AuditJson.Serialize(after))));
}
