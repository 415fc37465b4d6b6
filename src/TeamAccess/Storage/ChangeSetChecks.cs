namespace TeamAccess.Storage;

/// <summary>
/// The checks every store makes on a <see cref="ChangeSet"/> before applying it, in one place. Misuse (an update that
/// changes a user's id or email, a team's id or handle, a version not bumped by one, an operation on another team's
/// row) is an <see cref="ArgumentException"/>. What depends on the stored state (stale versions and stamps, taken
/// emails and handles, two current memberships of one user) each store checks against what it holds, as a database's
/// concurrency tokens and unique indexes do.
/// </summary>
public static class ChangeSetChecks
{
    /// <summary>Checks a change set for misuse before a store applies it; every store calls it first.</summary>
    /// <param name="changes">The change set.</param>
    /// <exception cref="ArgumentException">A user change alters a user's id or email, or a team change does not bump the
    /// version it expects by one, does not start a new team with its put, or touches another team's rows.</exception>
    public static void Check(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes.Users)
        {
            if (change is { Before: { } before, After: { } after } && (after.Email != before.Email || after.Id != before.Id))
            {
                throw new ArgumentException("A user's id and email are not changed by an update.", nameof(changes));
            }
        }

        foreach (var change in changes.Teams)
        {
            Check(change);
        }

        // A passkey changes with its user, whose stamp makes two writes on it conflict; its id, credential and user are fixed.
        foreach (var change in changes.Passkeys)
        {
            var passkey = (change.After ?? change.Before) ?? throw new ArgumentException("A passkey change has a before or an after.", nameof(changes));
            if ((change is { Before: { } before, After: { } after } && (before.Id != after.Id || before.UserId != after.UserId || !before.CredentialId.AsSpan().SequenceEqual(after.CredentialId)))
                || passkey.CredentialId.Length is 0 or > StoredPasskey.MaxCredentialIdLength
                || !changes.Users.Any(u => (u.After ?? u.Before)!.Id == passkey.UserId))
            {
                throw new ArgumentException("A passkey keeps its id, user and credential id, has a credential id of 1 to 1023 bytes, and changes with its user.", nameof(changes));
            }
        }
    }

    /// <summary>
    /// The existing or new users that a team change makes the holder of a current (non-terminal) membership they did not
    /// hold before: a new membership, one given to another user, or one brought back from a terminal status. Each must
    /// exist when the change commits.
    /// </summary>
    /// <param name="change">The team change.</param>
    /// <returns>The users, each once.</returns>
    public static IEnumerable<UserId> AttachedUsers(TeamChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var first = new Dictionary<MembershipId, StoredMembership?>();
        var last = new Dictionary<MembershipId, StoredMembership>();
        foreach (var put in change.Operations.OfType<MembershipPut>())
        {
            first.TryAdd(put.After.Id, put.Before);
            last[put.After.Id] = put.After;
        }

        foreach (var (id, after) in last)
        {
            // A service account's principal id is no stored user: nothing to attach.
            if (after.UserId is not { } userId || after.Status.IsTerminal() || after.IsServiceAccount)
            {
                continue;
            }

            if (first[id] is { } before && before.UserId == userId && !before.Status.IsTerminal())
            {
                continue;
            }

            yield return userId;
        }
    }

    private static void Check(TeamChange change)
    {
        var teamId = change.After.Id;
        if (change.ExpectedVersion < 0 || change.After.Version != change.ExpectedVersion + 1)
        {
            throw new ArgumentException("A team change bumps the version it expects by one (a new team has version 1).", nameof(change));
        }

        if (change.IsNew && change.Operations is not [TeamPut { Before: null }, ..])
        {
            throw new ArgumentException("A new team's change starts by putting the team.", nameof(change));
        }

        foreach (var operation in change.Operations)
        {
            var belongs = operation switch
            {
                TeamPut put => put.After.Id == teamId && put.After.Handle == change.After.Handle && (put.Before is null || (put.Before.Id == teamId && put.Before.Handle == put.After.Handle)),
                MembershipPut put => put.After.TeamId == teamId && (put.Before is null || (put.Before.TeamId == teamId && put.Before.Id == put.After.Id)),
                GroupPut put => put.After.TeamId == teamId && (put.Before is null || put.Before.Id == put.After.Id),
                GroupRemoval removal => removal.Before.TeamId == teamId,
                GrantPut put => put.After.TeamId == teamId && (put.Before is null || put.Before.Id == put.After.Id),
                GrantRemoval removal => removal.Before.TeamId == teamId,
                TeamRolePut put => put.After.TeamId == teamId && (put.Before is null || (put.Before.Id == put.After.Id && string.Equals(put.Before.Name, put.After.Name, StringComparison.Ordinal))),
                TeamRoleRemoval removal => removal.Before.TeamId == teamId,
                InvitationSecretPut => true,
                ApiKeyPut put => put.After.TeamId == teamId && (put.Before is null || put.Before.Id == put.After.Id),
                TeamProviderPut put => (put.After ?? put.Before) is { } p && p.TeamId == teamId && (put.Before is null || put.After is null || (put.Before.Id == put.After.Id && put.Before.TeamId == teamId)),
                TeamDomainPut put => (put.After ?? put.Before) is { } d && d.TeamId == teamId && (put.Before is null || put.After is null || (put.Before.Id == put.After.Id && put.Before.TeamId == teamId && put.Before.Domain == put.After.Domain)),
                _ => false,
            };
            if (!belongs)
            {
                throw new ArgumentException("A team change keeps the team's id and handle and changes only that team's rows.", nameof(change));
            }
        }
    }
}
