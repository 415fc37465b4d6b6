namespace TeamAccess;

/// <summary>
/// One page of a team's Users page: which members, how many. Pages are keyset-paged on (email, membership id), so a
/// member present throughout is listed exactly once across the pages even while others are added or removed between them.
/// </summary>
public sealed record MemberQuery
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page a store returns; a larger <see cref="PageSize"/> is cut to it.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Gets how many members a page holds at most; cut to 1..<see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Gets the only status to list; <see langword="null"/> for every non-terminal status (Invited, Active, Inactive).</summary>
    public MembershipStatus? Status { get; init; }

    /// <summary>Gets the only role to list; <see langword="null"/> for every role.</summary>
    public string? Role { get; init; }

    /// <summary>Gets the start of the email addresses to list (compared lower-case); <see langword="null"/> for all.</summary>
    public string? EmailPrefix { get; init; }

    /// <summary>Gets where the previous page ended (its <see cref="MemberPage.Next"/>); <see langword="null"/> for the first page.</summary>
    public MemberPageKey? After { get; init; }

    /// <summary>Gets the page size a store applies: <see cref="PageSize"/> cut to 1..<see cref="MaxPageSize"/>.</summary>
    public int EffectivePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>Gets the email prefix as stored addresses are spelled (lower-case), or <see langword="null"/>.</summary>
    public string? NormalizedEmailPrefix => string.IsNullOrEmpty(EmailPrefix) ? null : EmailPrefix.Trim().ToLowerInvariant();
}

/// <summary>The stable key a member page is ordered by and continues after: the email address, then the membership id.</summary>
/// <param name="Email">The last member's email address.</param>
/// <param name="MembershipId">The last member's membership id.</param>
public readonly record struct MemberPageKey(string Email, MembershipId MembershipId);

/// <summary>One page of members, with the names joined and, on the first page, the count of every member the query matches.</summary>
/// <param name="Members">The members of this page, ordered by email address, then membership id.</param>
/// <param name="TotalCount">
/// How many members match the query's filters, on every page together: counted for the first page only (no
/// <see cref="MemberQuery.After"/>), since a count reads every matching member; <see langword="null"/> on later pages.
/// </param>
/// <param name="Next">Where the next page starts (pass it as <see cref="MemberQuery.After"/>); <see langword="null"/> on the last page.</param>
public sealed record MemberPage(IReadOnlyList<MemberView> Members, long? TotalCount, MemberPageKey? Next);

/// <summary>
/// Reads a team's members a page at a time, without loading the team: one query for the page with the users' names
/// joined, and on the first page one for the count. A store that holds many members implements it with an index on (team, email, id).
/// </summary>
public interface IMemberQueryStore
{
    /// <summary>Finds the user's non-terminal membership in the team, with the team, to authorize a read.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The team and the membership (or <see langword="null"/>); <see langword="null"/> when there is no such team.</returns>
    ValueTask<(Team Team, Membership? Membership)?> FindTeamAndCurrentMembershipAsync(TeamId teamId, UserId userId, CancellationToken cancellationToken);

    /// <summary>Lists one page of the team's members.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="query">The filters, page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    ValueTask<MemberPage> ListMembersAsync(TeamId teamId, MemberQuery query, CancellationToken cancellationToken);
}
