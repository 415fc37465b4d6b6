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
}
