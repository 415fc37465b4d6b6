namespace TeamAccess;

/// <summary>
/// The constraints a store checks inside a team on commit, as a database's unique indexes would: at most one
/// non-terminal membership per user and per email (invariant 3), group handles unique in the team.
/// </summary>
internal static class StoreConstraints
{
    public static TeamAccessErrorCode Check(TeamSnapshot team)
    {
        var users = new HashSet<UserId>();
        var emails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var membership in team.Memberships.Values)
        {
            if (membership.TeamId != team.Id)
            {
                throw new ArgumentException("A membership belongs to the team it is stored in.", nameof(team));
            }

            if (membership.Status.IsTerminal())
            {
                continue;
            }

            if ((membership.UserId is { } userId && !users.Add(userId)) || !emails.Add(membership.Email))
            {
                return TeamAccessErrorCode.AlreadyMember;
            }
        }

        var handles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in team.Groups.Values)
        {
            if (!handles.Add(group.Handle))
            {
                return TeamAccessErrorCode.DuplicateHandle;
            }
        }

        return TeamAccessErrorCode.None;
    }

    /// <summary>
    /// The users that a team change makes the holder of a current (non-terminal) membership they did not hold before: a
    /// new membership, one given to another user, or one brought back from a terminal status. Each must exist when the
    /// change commits.
    /// </summary>
    public static IEnumerable<UserId> AttachedUsers(TeamChange change)
    {
        foreach (var (id, membership) in change.After.Memberships)
        {
            if (membership.UserId is not { } userId || membership.Status.IsTerminal())
            {
                continue;
            }

            if (change.Before?.Memberships.GetValueOrDefault(id) is { } before && before.UserId == userId && !before.Status.IsTerminal())
            {
                continue;
            }

            yield return userId;
        }
    }
}
