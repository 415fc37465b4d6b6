namespace TeamAccess;

/// <summary>
/// Which page of an <see cref="IAccessQueries"/> list to read: its size and where the previous page ended.
/// <see langword="default"/> is the first page of <see cref="DefaultPageSize"/>.
/// </summary>
/// <param name="Cursor">The previous page's <c>Next</c>, or <see langword="null"/> for the first page.</param>
/// <param name="PageSize">How many items a page holds at most: cut to <see cref="MaxPageSize"/>; 0 or less for <see cref="DefaultPageSize"/>.</param>
public readonly record struct AccessPageRequest(string? Cursor = null, int PageSize = 0)
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page; a larger <see cref="PageSize"/> is cut to it (the page's <c>HasMore</c> still tells of the rest).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Gets the page size applied: <see cref="PageSize"/> cut to <see cref="MaxPageSize"/>, or <see cref="DefaultPageSize"/>.</summary>
    public int EffectivePageSize => PageSize <= 0 ? DefaultPageSize : Math.Min(PageSize, MaxPageSize);
}
