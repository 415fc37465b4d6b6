namespace TeamAccess;

/// <summary>One page of <see cref="IAccessQueries.ListResources"/>.</summary>
public sealed class ResourcePage
{
    /// <summary>Initializes a new instance of the <see cref="ResourcePage"/> class.</summary>
    /// <param name="resources">The resources of this page that grants give the permission on, ordered by resource id (ordinal).</param>
    /// <param name="roleReachesEveryResource">Whether the user's role gives the permission on every resource, listed or not (a role that is not scoped to grants); the same on every page.</param>
    /// <param name="next">The cursor of the next page (pass it in <see cref="AccessPageRequest.Cursor"/>); <see langword="null"/> on the last page.</param>
    internal ResourcePage(IReadOnlyList<ResourceReach> resources, bool roleReachesEveryResource, string? next)
    {
        Resources = resources;
        RoleReachesEveryResource = roleReachesEveryResource;
        Next = next;
    }

    /// <summary>Gets the resources of this page that grants give the permission on, ordered by resource id (ordinal).</summary>
    public IReadOnlyList<ResourceReach> Resources { get; }

    /// <summary>Gets whether the user's role gives the permission on every resource, listed or not (a role that is not scoped to grants); the same on every page.</summary>
    public bool RoleReachesEveryResource { get; }

    /// <summary>Gets the cursor of the next page (pass it in <see cref="AccessPageRequest.Cursor"/>); <see langword="null"/> on the last page.</summary>
    public string? Next { get; }

    /// <summary>Gets whether another page follows.</summary>
    public bool HasMore => Next is not null;
}
