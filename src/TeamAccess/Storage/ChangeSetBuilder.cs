using System.Collections.Immutable;

namespace TeamAccess;

/// <summary>
/// Collects one operation's changes. Every change to a team's contents goes through a <see cref="TeamEditor"/>, which
/// records its audit event with the before and after snapshots at the same time: no change without its event.
/// </summary>
internal sealed class ChangeSetBuilder(UserId? actor, DateTimeOffset now)
{
    private readonly List<UserChange> _users = [];
    private readonly List<TeamEditor> _teams = [];
    private readonly List<AuditEvent> _audit = [];
    private readonly List<ExternalLogin> _logins = [];
    private readonly List<RevokedSession> _revokedSessions = [];

    public UserId? Actor { get; } = actor;

    public DateTimeOffset Now { get; } = now;

    public bool IsEmpty => _users.Count == 0 && _audit.Count == 0 && _logins.Count == 0 && _revokedSessions.Count == 0;

    public TeamEditor Edit(TeamSnapshot loaded)
    {
        foreach (var existing in _teams)
        {
            if (existing.Original?.Id == loaded.Id)
            {
                return existing;
            }
        }

        var editor = new TeamEditor(this, loaded, loaded);
        _teams.Add(editor);
        return editor;
    }

    public TeamEditor Create(Team team)
    {
        var editor = new TeamEditor(this, null, TeamSnapshot.Empty(team with { Version = 0 }));
        _teams.Add(editor);
        editor.SetTeam(team with { Version = 0 }, AuditActions.TeamCreated);
        return editor;
    }

    public void CreateUser(User user)
    {
        _users.Add(new UserChange(null, user));
        Record(null, AuditSubjectKind.User, user.Id.Value, AuditActions.UserCreated, null, user);
    }

    /// <summary>Updates a user; <paramref name="teamId"/> puts the event in that team's log too (a team's guardian edited the user).</summary>
    public void UpdateUser(User before, User after, string action, TeamId? teamId = null)
    {
        _users.Add(new UserChange(before, after with { ConcurrencyStamp = Guid.NewGuid() }));
        Record(teamId, AuditSubjectKind.User, after.Id.Value, action, before, after);
    }

    /// <summary>Links an external identity to a user; the event records the link (issuer, subject), which is no secret.</summary>
    public void LinkLogin(ExternalLogin login)
    {
        _logins.Add(login);
        Record(null, AuditSubjectKind.User, login.UserId.Value, AuditActions.UserLoginLinked, null, login);
    }

    /// <summary>Signs one session out; the event names the session id, which is no secret without a signed token.</summary>
    public void RevokeSession(RevokedSession session)
    {
        _revokedSessions.Add(session);
        Record(null, AuditSubjectKind.User, session.UserId.Value, AuditActions.UserSignedOut, null, session);
    }

    /// <summary>
    /// Records an attempt whose subject does not exist (an unknown address, an unknown team): an event with no subject
    /// and nothing else, so that the attempt costs the committed write a counted attempt on a real subject costs, and
    /// its timing does not tell whether the subject exists.
    /// </summary>
    public void RecordAttempt(string action) => Record<User>(null, AuditSubjectKind.User, Guid.Empty, action, null, null);

    public void DeleteUser(User user)
    {
        _users.Add(new UserChange(user, null));
        Record(null, AuditSubjectKind.User, user.Id.Value, AuditActions.UserDeleted, user, null);
    }

    /// <summary>The snapshots as they will be stored (version bumped), with what changed in each, for the permission index once committed.</summary>
    public ChangeSet Build(out IReadOnlyList<StoredTeam> storedTeams)
    {
        var teamChanges = new List<TeamChange>();
        var stored = new List<StoredTeam>();
        foreach (var editor in _teams)
        {
            if (!editor.Changed)
            {
                continue;
            }

            var version = (editor.Original?.Version ?? 0) + 1;
            var after = editor.Current with { Team = editor.Current.Team with { Version = version } };
            teamChanges.Add(new TeamChange(editor.Original, after));
            stored.Add(new StoredTeam(after, editor.IndexDelta()));
        }

        storedTeams = stored;
        return new ChangeSet(_users.ToArray(), teamChanges, _audit.ToArray()) { AddedLogins = _logins.ToArray(), RevokedSessions = _revokedSessions.ToArray() };
    }

    internal void Record<T>(TeamId? teamId, AuditSubjectKind kind, Guid subjectId, string action, T? before, T? after)
        where T : class =>
        _audit.Add(new AuditEvent(0, Now, Actor, teamId, kind, subjectId, action, AuditJson.Serialize(before), AuditJson.Serialize(after)));
}

/// <summary>A team's snapshot as a write stores it, and what the write changed for the permission index (<see langword="null"/>: rebuild).</summary>
internal readonly record struct StoredTeam(TeamSnapshot Snapshot, IndexDelta? Delta);

/// <summary>Changes one team's snapshot, recording an audit event for each change.</summary>
internal sealed class TeamEditor
{
    private readonly ChangeSetBuilder _owner;

    // What the permission index needs to know to patch rather than rebuild: the memberships put, and whether anything
    // else it reads (the team, a group, a grant) changed. Kept in Touch, which every change goes through.
    private readonly HashSet<MembershipId> _putMemberships = [];
    private bool _changedMoreThanMemberships;

    internal TeamEditor(ChangeSetBuilder owner, TeamSnapshot? original, TeamSnapshot current)
    {
        _owner = owner;
        Original = original;
        Current = current;
    }

    public TeamSnapshot? Original { get; }

    public TeamSnapshot Current { get; private set; }

    public bool Changed { get; private set; }

    public TeamId Id => Current.Id;

    public void SetTeam(Team after, string action)
    {
        var before = Original is null && !Changed ? null : Current.Team;
        Current = Current with { Team = after };
        Touch(AuditSubjectKind.Team, after.Id.Value, action, before, after);
    }

    public void PutMembership(Membership after, string action)
    {
        var before = Current.Memberships.GetValueOrDefault(after.Id);
        Current = Current with { Memberships = Current.Memberships.SetItem(after.Id, after with { UpdatedAt = _owner.Now }) };
        Touch(AuditSubjectKind.Membership, after.Id.Value, action, before, Current.Memberships[after.Id]);
    }

    /// <summary>Stores an invitation's hashed secret beside its membership, whose change carries the audit event.</summary>
    public void PutInvitationSecret(MembershipId id, InvitationSecret secret)
    {
        Current = Current with { InvitationSecrets = Current.InvitationSecrets.SetItem(id, secret) };
        Changed = true;
    }

    public void PutGroup(Group after, string action)
    {
        var before = Current.Groups.GetValueOrDefault(after.Id);
        Current = Current with { Groups = Current.Groups.SetItem(after.Id, after) };
        Touch(AuditSubjectKind.Group, after.Id.Value, action, before, after);
    }

    public void RemoveGroup(GroupId id, string action)
    {
        var before = Current.Groups[id];
        Current = Current with { Groups = Current.Groups.Remove(id) };
        Touch<Group>(AuditSubjectKind.Group, id.Value, action, before, null);
    }

    public void PutGrant(Grant after, string action)
    {
        var before = Current.Grants.GetValueOrDefault(after.Id);
        Current = Current with { Grants = Current.Grants.SetItem(after.Id, after) };
        Touch(AuditSubjectKind.Grant, after.Id.Value, action, before, after);
    }

    public void RemoveGrant(GrantId id, string action)
    {
        var before = Current.Grants[id];
        Current = Current with { Grants = Current.Grants.Remove(id) };
        Touch<Grant>(AuditSubjectKind.Grant, id.Value, action, before, null);
    }

    /// <summary>
    /// Takes a membership that is leaving (removed, left, user deleted) out of every group and drops its direct grants,
    /// each with its own event, so nothing dangles and a replay sees the same.
    /// </summary>
    public void DetachMembership(MembershipId id)
    {
        foreach (var group in Current.Groups.Values)
        {
            if (group.Members.Contains(id))
            {
                PutGroup(group with { Members = group.Members.Remove(id) }, AuditActions.GroupMemberRemoved);
            }
        }

        foreach (var grant in Current.Grants.Values)
        {
            if (grant.Subject == GrantSubject.ForMembership(id))
            {
                RemoveGrant(grant.Id, AuditActions.GrantRevoked);
            }
        }
    }

    /// <summary>
    /// What the write changed, for patching the index of the loaded version; <see langword="null"/> for a new team or a
    /// write that changed more than memberships, which the index rebuilds from the stored snapshot.
    /// </summary>
    internal IndexDelta? IndexDelta()
    {
        if (Original is null || _changedMoreThanMemberships)
        {
            return null;
        }

        var changes = new IndexDelta.MembershipChange[_putMemberships.Count];
        var i = 0;
        foreach (var id in _putMemberships)
        {
            changes[i++] = new IndexDelta.MembershipChange(Original.Memberships.GetValueOrDefault(id), Current.Memberships[id]);
        }

        return new IndexDelta(changes);
    }

    private void Touch<T>(AuditSubjectKind kind, Guid subjectId, string action, T? before, T? after)
        where T : class
    {
        Changed = true;
        if (kind == AuditSubjectKind.Membership)
        {
            _putMemberships.Add(new MembershipId(subjectId));
        }
        else
        {
            _changedMoreThanMemberships = true;
        }

        _owner.Record(Current.Id, kind, subjectId, action, before, after);
    }
}
