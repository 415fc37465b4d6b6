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
