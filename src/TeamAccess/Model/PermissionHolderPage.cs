namespace TeamAccess;

/// <summary>One page of <see cref="IAccessQueries.ListUsersWithPermission"/>.</summary>
public sealed class PermissionHolderPage
{
    /// <summary>Initializes a new instance of the <see cref="PermissionHolderPage"/> class.</summary>
    /// <param name="holders">The holders of this page, ordered by user id.</param>
    /// <param name="next">The cursor of the next page (pass it in <see cref="AccessPageRequest.Cursor"/>); <see langword="null"/> on the last page.</param>
    internal PermissionHolderPage(IReadOnlyList<PermissionHolder> holders, string? next)
    {
        Holders = holders;
        Next = next;
    }

    /// <summary>Gets the holders of this page, ordered by user id.</summary>
    public IReadOnlyList<PermissionHolder> Holders { get; }

    /// <summary>Gets the cursor of the next page (pass it in <see cref="AccessPageRequest.Cursor"/>); <see langword="null"/> on the last page.</summary>
    public string? Next { get; }

    /// <summary>Gets whether another page follows.</summary>
    public bool HasMore => Next is not null;
}
