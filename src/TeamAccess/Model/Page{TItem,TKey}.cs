namespace TeamAccess;

/// <summary>One page of a keyset-paged list.</summary>
/// <typeparam name="TItem">The items.</typeparam>
/// <typeparam name="TKey">The key the list is ordered by.</typeparam>
public sealed class Page<TItem, TKey>
    where TKey : struct
{
    /// <summary>Initializes a new instance of the <see cref="Page{TItem, TKey}"/> class.</summary>
    /// <param name="items">The items of this page, in key order.</param>
    /// <param name="next">Where the next page starts (pass it as <see cref="PageQuery{TKey}.After"/>); <see langword="null"/> on the last page.</param>
    public Page(IReadOnlyList<TItem> items, TKey? next)
    {
        Items = items;
        Next = next;
    }

    /// <summary>Gets the items of this page, in key order.</summary>
    public IReadOnlyList<TItem> Items { get; }

    /// <summary>Gets where the next page starts (pass it as <see cref="PageQuery{TKey}.After"/>); <see langword="null"/> on the last page.</summary>
    public TKey? Next { get; }
}
