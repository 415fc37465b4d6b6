namespace TeamAccess.Storage;

/// <summary>The commit's checks of a change set against what is stored, as a database's tokens and unique indexes would make them; nothing is changed here.</summary>
internal sealed class InMemoryCommitChecks(InMemoryTeamAccessStore store)
{
    /// <summary>
    /// Checks a change set against what is stored, as a database's tokens and unique indexes would, and builds each
    /// changed team by applying its operations to the stored one. Nothing is changed here.
    /// </summary>
    public TeamAccessErrorCode Check(ChangeSet changes, Dictionary<TeamId, TeamSnapshot> applied)
    {
        ChangeSetChecks.Check(changes);

        // Stale versions and stamps first: a writer that lost a race retries on a conflict rather than meeting a unique
        // constraint that the winner's change has just filled (two accepts that each create the invited user).
        foreach (var change in changes.Teams)
        {
            var stored = store.Teams.GetValueOrDefault(change.After.Id);
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
                if (!store.Users.TryGetValue(before.Id, out var stored) || stored.ConcurrencyStamp != before.ConcurrencyStamp)
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
                if (store.Users.ContainsKey(created.Id))
                {
                    return TeamAccessErrorCode.ConcurrencyFailure;
                }

                if ((store.UserIdsByEmail.ContainsKey(created.Email) && !emailsFreed.Contains(created.Email)) || !emailsTaken.Add(created.Email))
                {
                    return TeamAccessErrorCode.DuplicateEmail;
                }
            }
        }

        var loginsTaken = new HashSet<(string, string)>();
        foreach (var login in changes.AddedLogins)
        {
            if (store.Logins.ContainsKey((login.Issuer, login.Subject)) || !loginsTaken.Add((login.Issuer, login.Subject)))
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
            if (change.IsNew && (store.TeamIdsByHandle.ContainsKey(change.After.Handle) || !handlesTaken.Add(change.After.Handle)))
            {
                return TeamAccessErrorCode.DuplicateHandle;
            }

            var team = (store.Teams.GetValueOrDefault(change.After.Id) ?? TeamSnapshot.Empty(change.After)).Apply(change);
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
        (store.Users.ContainsKey(userId) || changes.Users.Any(u => u.Before is null && u.After?.Id == userId))
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

    /// <summary>The commit's check of its passkeys: a registered credential id must be free, an updated or removed passkey must be stored.</summary>
    private TeamAccessErrorCode CheckPasskeys(ChangeSet changes)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes.Passkeys)
        {
            var key = Convert.ToBase64String((change.After ?? change.Before)!.CredentialId);
            if (change.Before is null ? store.Passkeys.ContainsKey(key) || !taken.Add(key) : !store.Passkeys.ContainsKey(key))
            {
                return change.Before is null ? TeamAccessErrorCode.DuplicatePasskey : TeamAccessErrorCode.ConcurrencyFailure;
            }

            if (change.After is { } after && !UserExistsAfter(changes, after.UserId))
            {
                return TeamAccessErrorCode.NotFound;
            }
        }

        return TeamAccessErrorCode.None;
    }

    /// <summary>The unique index on verified domains: a change may not verify a domain another team (or the change itself, twice) holds verified.</summary>
    private TeamAccessErrorCode UniqueVerifiedDomains(TeamSnapshot team, TeamChange change, HashSet<string> verifiedInCommit)
    {
        foreach (var put in change.Operations.OfType<TeamDomainPut>())
        {
            if (team.Domains.GetValueOrDefault(put.Id)?.VerifiedDomain is { } domain
                && (store.VerifiedClaim(domain, team.Id) is not null || team.Domains.Values.Count(d => d.VerifiedDomain == domain) > 1 || !verifiedInCommit.Add(domain)))
            {
                return TeamAccessErrorCode.DomainVerifiedElsewhere;
            }
        }

        return TeamAccessErrorCode.None;
    }
}
