namespace TeamAccess;

/// <summary>One page of a keyset-paged list.</summary>
/// <typeparam name="TItem">The items.</typeparam>
/// <typeparam name="TKey">The key the list is ordered by.</typeparam>
/// <param name="Items">The items of this page, in key order.</param>
/// <param name="Next">Where the next page starts (pass it as <see cref="PageQuery{TKey}.After"/>); <see langword="null"/> on the last page.</param>
public sealed record Page<TItem, TKey>(IReadOnlyList<TItem> Items, TKey? Next)
    where TKey : struct;
