namespace TeamAccess;

/// <summary>One page of members, with the names joined and, on the first page, the count of every member the query matches.</summary>
/// <param name="Members">The members of this page, ordered by email address, then membership id.</param>
/// <param name="TotalCount">
/// How many members match the query's filters, on every page together: counted for the first page only (no
/// <see cref="MemberQuery.After"/>), since a count reads every matching member; <see langword="null"/> on later pages.
/// </param>
/// <param name="Next">Where the next page starts (pass it as <see cref="MemberQuery.After"/>); <see langword="null"/> on the last page.</param>
public sealed record MemberPage(IReadOnlyList<MemberView> Members, long? TotalCount, MemberPageKey? Next);
