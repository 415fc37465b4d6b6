namespace TeamAccess;

/// <summary>The page sizes every keyset-paged list of TeamAccess shares.</summary>
public static class Paging
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page a store returns; a larger page size is cut to it.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Cuts a page size to 1..<see cref="MaxPageSize"/>.</summary>
    /// <param name="pageSize">The size asked for.</param>
    /// <returns>The size a store applies.</returns>
    public static int Clamp(int pageSize) => Math.Clamp(pageSize, 1, MaxPageSize);
}

/// <summary>
/// One page of a keyset-paged list: a page size and where the previous page ended. Lists are ordered on a stable,
/// unique key and a page starts strictly after the last key of the previous one, so an item present throughout is
/// listed exactly once across the pages even while others are added or removed between them.
/// </summary>
/// <typeparam name="TKey">The key the list is ordered by.</typeparam>
public abstract record PageQuery<TKey>
    where TKey : struct
{
    /// <summary>Gets how many items a page holds at most; cut to 1..<see cref="Paging.MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = Paging.DefaultPageSize;

    /// <summary>Gets where the previous page ended (its <see cref="Page{TItem, TKey}.Next"/>); <see langword="null"/> for the first page.</summary>
    public TKey? After { get; init; }

    /// <summary>Gets the page size a store applies.</summary>
    public int EffectivePageSize => Paging.Clamp(PageSize);
}

/// <summary>One page of a keyset-paged list.</summary>
/// <typeparam name="TItem">The items.</typeparam>
/// <typeparam name="TKey">The key the list is ordered by.</typeparam>
/// <param name="Items">The items of this page, in key order.</param>
/// <param name="Next">Where the next page starts (pass it as <see cref="PageQuery{TKey}.After"/>); <see langword="null"/> on the last page.</param>
public sealed record Page<TItem, TKey>(IReadOnlyList<TItem> Items, TKey? Next)
    where TKey : struct;

/// <summary>Makes pages of the rows a store read: one more than the page size, to know whether a next page exists.</summary>
internal static class Pages
{
    public static Page<TItem, TKey> From<TItem, TKey>(IReadOnlyList<TItem> rows, int pageSize, Func<TItem, TKey> keyOf)
        where TKey : struct
    {
        IReadOnlyList<TItem> items = rows.Count > pageSize ? rows.Take(pageSize).ToArray() : rows;
        return new Page<TItem, TKey>(items, rows.Count > pageSize ? keyOf(items[^1]) : null);
    }
}
