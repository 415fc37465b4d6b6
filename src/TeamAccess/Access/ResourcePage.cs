namespace TeamAccess;

/// <summary>One page of <see cref="IAccessQueries.ListResources"/>.</summary>
/// <param name="Resources">The resources of this page that grants give the permission on, ordered by resource id (ordinal).</param>
/// <param name="RoleReachesEveryResource">
/// Whether the user's role gives the permission on every resource, listed or not (a role that is not scoped to grants);
/// the same on every page.
/// </param>
/// <param name="Next">The cursor of the next page (pass it in <see cref="AccessPageRequest.Cursor"/>); <see langword="null"/> on the last page.</param>
public sealed record ResourcePage(IReadOnlyList<ResourceReach> Resources, bool RoleReachesEveryResource, string? Next)
{
    /// <summary>Gets whether another page follows.</summary>
    public bool HasMore => Next is not null;
}
