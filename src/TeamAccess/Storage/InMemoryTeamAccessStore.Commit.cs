namespace TeamAccess.Storage;

/// <content>The commit (<see cref="IChangeStore"/>): every check first, then all or nothing under one lock.</content>
public sealed partial class InMemoryTeamAccessStore
{
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

        if (CheckPasskeys(changes) is var passkeys and not TeamAccessErrorCode.None)
        {
            return passkeys;
        }

        var handlesTaken = new HashSet<string>(StringComparer.Ordinal);
        var domainsVerified = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes.Teams)
        {
            if (change.IsNew && (_teamIdsByHandle.ContainsKey(change.After.Handle) || !handlesTaken.Add(change.After.Handle)))
            {
                return TeamAccessErrorCode.DuplicateHandle;
            }

            var team = (_teams.GetValueOrDefault(change.After.Id) ?? TeamSnapshot.Empty(change.After)).Apply(change);
            var constraint = Unique(team, change);
            if (constraint is TeamAccessErrorCode.None)
            {
                constraint = UniqueVerifiedDomains(team, change, domainsVerified);
            }

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

        ApplyPasskeys(changes);
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
