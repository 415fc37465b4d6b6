namespace TeamAccess;

/// <summary>One page of members, with the names joined and, on the first page, the count of every member the query matches.</summary>
public sealed class MemberPage
{
    /// <summary>Initializes a new instance of the <see cref="MemberPage"/> class.</summary>
    /// <param name="members">The members of this page, ordered by email address, then membership id.</param>
    /// <param name="totalCount">How many members match the query's filters, on every page together: counted for the first page only (no <see cref="MemberQuery.After"/>), since a count reads every matching member; <see langword="null"/> on later pages.</param>
    /// <param name="next">Where the next page starts (pass it as <see cref="MemberQuery.After"/>); <see langword="null"/> on the last page.</param>
    public MemberPage(IReadOnlyList<MemberView> members, long? totalCount, MemberPageKey? next)
    {
        Members = members;
        TotalCount = totalCount;
        Next = next;
    }

    /// <summary>Gets the members of this page, ordered by email address, then membership id.</summary>
    public IReadOnlyList<MemberView> Members { get; }

    /// <summary>Gets how many members match the query's filters, on every page together: counted for the first page only (no <see cref="MemberQuery.After"/>), since a count reads every matching member; <see langword="null"/> on later pages.</summary>
    public long? TotalCount { get; }

    /// <summary>Gets where the next page starts (pass it as <see cref="MemberQuery.After"/>); <see langword="null"/> on the last page.</summary>
    public MemberPageKey? Next { get; }
}
