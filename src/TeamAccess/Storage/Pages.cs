namespace TeamAccess.Storage;

/// <summary>Makes pages of the rows a store read: one more than the page size, to know whether a next page exists.</summary>
public static class Pages
{
    /// <summary>Makes the page of rows read in key order, <paramref name="pageSize"/> + 1 at most.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <typeparam name="TKey">The keyset key of an item.</typeparam>
    /// <param name="rows">The rows read: up to one more than the page size.</param>
    /// <param name="pageSize">The page size.</param>
    /// <param name="keyOf">The key of an item, which the next page starts after.</param>
    /// <returns>The first <paramref name="pageSize"/> rows, with the last one's key as the next page's start when there are more.</returns>
    public static Page<TItem, TKey> From<TItem, TKey>(IReadOnlyList<TItem> rows, int pageSize, Func<TItem, TKey> keyOf)
        where TKey : struct
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keyOf);
        IReadOnlyList<TItem> items = rows.Count > pageSize ? rows.Take(pageSize).ToArray() : rows;
        return new Page<TItem, TKey>(items, rows.Count > pageSize ? keyOf(items[^1]) : null);
    }
}
