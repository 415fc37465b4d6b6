namespace TeamAccess;

/// <summary>
/// One entry of the change feed: a commit changed this team (to this version) or this user. A commit that changes
/// several teams or users writes one entry for each, in the same transaction as the change, so an entry is never seen
/// without its change, nor a change without its entry.
/// </summary>
public sealed class ChangeFeedEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="position">The entry's place in the feed.</param>
    /// <param name="teamId">The team the commit changed, or <see langword="null"/> for a user entry.</param>
    /// <param name="teamVersion">The team's version after the commit (0 for a user entry).</param>
    /// <param name="userId">The user the commit changed, or <see langword="null"/> for a team entry.</param>
    public ChangeFeedEntry(long position, TeamId? teamId, long teamVersion, UserId? userId)
    {
        Position = position;
        TeamId = teamId;
        TeamVersion = teamVersion;
        UserId = userId;
    }

    /// <summary>Gets the entry's place in the feed: positions increase in commit order (gaps are possible).</summary>
    public long Position { get; }

    /// <summary>Gets the team the commit changed, or <see langword="null"/> for a user entry.</summary>
    public TeamId? TeamId { get; }

    /// <summary>Gets the team's version after the commit (0 for a user entry).</summary>
    public long TeamVersion { get; }

    /// <summary>Gets the user the commit changed, or <see langword="null"/> for a team entry.</summary>
    public UserId? UserId { get; }

    /// <inheritdoc />
    public override string ToString() => TeamId is { } team ? $"#{Position} team {team} v{TeamVersion}" : $"#{Position} user {UserId}";
}
