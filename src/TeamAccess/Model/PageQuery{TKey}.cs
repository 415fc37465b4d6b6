namespace TeamAccess;

/// <summary>
/// One page of a keyset-paged list: a page size and where the previous page ended. Lists are ordered on a stable,
/// unique key and a page starts strictly after the last key of the previous one, so an item present throughout is
/// listed exactly once across the pages even while others are added or removed between them.
/// </summary>
/// <typeparam name="TKey">The key the list is ordered by.</typeparam>
public abstract class PageQuery<TKey>
    where TKey : struct
{
    /// <summary>Gets how many items a page holds at most; cut to 1..<see cref="Paging.MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = Paging.DefaultPageSize;

    /// <summary>Gets where the previous page ended (its <see cref="Page{TItem, TKey}.Next"/>); <see langword="null"/> for the first page.</summary>
    public TKey? After { get; init; }

    /// <summary>Gets the page size a store applies.</summary>
    public int EffectivePageSize => Paging.Clamp(PageSize);
}
