namespace TeamAccess;

/// <summary>One page of <see cref="IAccessQueries.ListUsersWithPermission"/>.</summary>
/// <param name="Holders">The holders of this page, ordered by user id.</param>
/// <param name="Next">The cursor of the next page (pass it in <see cref="AccessPageRequest.Cursor"/>); <see langword="null"/> on the last page.</param>
public sealed record PermissionHolderPage(IReadOnlyList<PermissionHolder> Holders, string? Next)
{
    /// <summary>Gets whether another page follows.</summary>
    public bool HasMore => Next is not null;
}
