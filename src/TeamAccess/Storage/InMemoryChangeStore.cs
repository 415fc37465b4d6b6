namespace TeamAccess.Storage;

/// <summary>The commit: every check first (<see cref="InMemoryCommitChecks"/>), then all or nothing under the shared lock; each commit appends to the change feed and wakes its followers.</summary>
internal sealed class InMemoryChangeStore(InMemoryTeamAccessStore store) : IChangeStore
{
    private readonly InMemoryCommitChecks _checks = new(store);

    /// <inheritdoc />
    public ValueTask<Result<long>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        long sequence;
        lock (store.Gate)
        {
            var applied = new Dictionary<TeamId, TeamSnapshot>();
            var refusal = _checks.Check(changes, applied);
            if (refusal is not TeamAccessErrorCode.None)
            {
                return ValueTask.FromResult(Result<long>.Failed(refusal));
            }

            Apply(changes, applied);
            sequence = store.Sequence;
            foreach (var team in changes.Teams)
            {
                store.Feed.Add(new ChangeFeedEntry(store.Feed.Count + 1, team.After.Id, team.After.Version, null));
            }

            foreach (var user in changes.ChangedUserIds)
            {
                store.Feed.Add(new ChangeFeedEntry(store.Feed.Count + 1, null, 0, user));
            }
        }

        store.RaiseCommitted();
        return ValueTask.FromResult(Result<long>.Ok(sequence));
    }

    private void Apply(ChangeSet changes, Dictionary<TeamId, TeamSnapshot> applied)
    {
        foreach (var change in changes.Users)
        {
            if (change.After is { } after)
            {
                store.Users[after.Id] = after;
                store.UserIdsByEmail[after.Email] = after.Id;
            }
            else if (change.Before is { } deleted)
            {
                store.Users.Remove(deleted.Id);
                store.UserIdsByEmail.Remove(deleted.Email);
                foreach (var key in store.Logins.Where(l => l.Value.UserId == deleted.Id).Select(l => l.Key).ToList())
                {
                    store.Logins.Remove(key);
                }
            }
        }

        foreach (var login in changes.AddedLogins)
        {
            store.Logins[(login.Issuer, login.Subject)] = login;
        }

        ApplyPasskeys(changes);
        foreach (var revoked in changes.RevokedSessions)
        {
            // Entries past their expiry guard nothing (every token of theirs has expired): drop them as new ones arrive.
            foreach (var expired in store.RevokedSessions.Values.Where(r => r.ExpiresAt < revoked.RevokedAt).Select(r => r.SessionId).ToList())
            {
                store.RevokedSessions.Remove(expired);
            }

            store.RevokedSessions.TryAdd(revoked.SessionId, revoked);
        }

        foreach (var change in changes.Teams)
        {
            // A user who gains a current membership gets a new stamp, so that a deletion of that user decided on what it
            // read before meets a conflict, reads again, and removes this membership too.
            foreach (var userId in ChangeSetChecks.AttachedUsers(change))
            {
                if (store.Users.TryGetValue(userId, out var attached) && !changes.Users.Any(u => u.After?.Id == userId))
                {
                    store.Users[userId] = attached with { ConcurrencyStamp = Guid.NewGuid() };
                }
            }

            var before = store.Teams.GetValueOrDefault(change.After.Id);
            var after = applied[change.After.Id];
            if (before is null)
            {
                store.TeamIdsByHandle[change.After.Handle] = change.After.Id;
            }

            // The user's teams, for the memberships the change put only.
            foreach (var id in change.Operations.OfType<MembershipPut>().Select(p => p.After.Id).Distinct())
            {
                if (before?.Memberships.GetValueOrDefault(id) is { UserId: { } formerUser } former && !former.Status.IsTerminal()
                    && store.TeamIdsByUser.TryGetValue(formerUser, out var formerSet))
                {
                    formerSet.Remove(after.Id);
                }

                if (after.Memberships[id] is { UserId: { } userId } current && !current.Status.IsTerminal())
                {
                    if (!store.TeamIdsByUser.TryGetValue(userId, out var set))
                    {
                        store.TeamIdsByUser[userId] = set = [];
                    }

                    set.Add(after.Id);
                }
            }

            store.Teams[after.Id] = after;
        }

        foreach (var e in changes.AuditEvents)
        {
            var stored = e with { Sequence = ++store.Sequence };
            store.Audit.Add(stored);
            if (stored.TeamId is { } teamId)
            {
                if (!store.AuditByTeam.TryGetValue(teamId, out var list))
                {
                    store.AuditByTeam[teamId] = list = [];
                }

                list.Add(stored);
            }
        }
    }

    private void ApplyPasskeys(ChangeSet changes)
    {
        foreach (var change in changes.Passkeys)
        {
            var key = Convert.ToBase64String((change.After ?? change.Before)!.CredentialId);
            if (change.After is { } after)
            {
                store.Passkeys[key] = after;
            }
            else
            {
                store.Passkeys.Remove(key);
            }
        }

        foreach (var deleted in changes.Users.Where(u => u.After is null).Select(u => u.Before!.Id))
        {
            foreach (var key in store.Passkeys.Where(p => p.Value.UserId == deleted).Select(p => p.Key).ToList())
            {
                store.Passkeys.Remove(key);
            }
        }
    }
}
