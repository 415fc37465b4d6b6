namespace TeamAccess;

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
