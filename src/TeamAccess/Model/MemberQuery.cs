namespace TeamAccess;

/// <summary>
/// One page of a team's Users page: which members, how many. Pages are keyset-paged on (email, membership id), so a
/// member present throughout is listed exactly once across the pages even while others are added or removed between them.
/// </summary>
public sealed class MemberQuery
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
