namespace TeamAccess.EntityFramework;

/// <summary>
/// The checks a change set must pass before it reaches the database, the same as <see cref="InMemoryTeamAccessStore"/>
/// makes: misuse (an update that changes an id, an email or a handle, a version not bumped by one) is an
/// <see cref="ArgumentException"/>; a team's contents must satisfy <see cref="StoreConstraints"/>. What depends on
/// other writers (stale versions, taken emails and handles) is left to the database's tokens and unique indexes.
/// </summary>
internal static class ChangeSetRules
{
    public static TeamAccessErrorCode Check(ChangeSet changes)
    {
        foreach (var change in changes.Users)
        {
            if (change is { Before: { } before, After: { } after } && (after.Email != before.Email || after.Id != before.Id))
            {
                throw new ArgumentException("A user's id and email are not changed by an update.", nameof(changes));
            }
        }

        foreach (var change in changes.Teams)
        {
            var after = change.After;
            if (change.Before is { } before)
            {
                if (before.Id != after.Id || after.Version != before.Version + 1 || after.Team.Handle != before.Team.Handle)
                {
                    throw new ArgumentException("A team update keeps the id and handle and bumps the version by one.", nameof(changes));
                }
            }
            else if (after.Version != 1)
            {
                throw new ArgumentException("A new team has version 1.", nameof(changes));
            }

            var constraint = StoreConstraints.Check(after);
            if (constraint is not TeamAccessErrorCode.None)
            {
                return constraint;
            }
        }

        return TeamAccessErrorCode.None;
    }
}
