namespace TeamAccess;

/// <summary>
/// Which page of an <see cref="IAccessQueries"/> list to read: its size and where the previous page ended.
/// <see langword="default"/> is the first page of <see cref="DefaultPageSize"/>.
/// </summary>
/// <param name="Cursor">The previous page's <c>Next</c>, or <see langword="null"/> for the first page.</param>
/// <param name="PageSize">How many items a page holds at most: cut to <see cref="MaxPageSize"/>; 0 or less for <see cref="DefaultPageSize"/>.</param>
public readonly record struct AccessPageRequest(string? Cursor = null, int PageSize = 0)
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page; a larger <see cref="PageSize"/> is cut to it (the page's <c>HasMore</c> still tells of the rest).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Gets the page size applied: <see cref="PageSize"/> cut to <see cref="MaxPageSize"/>, or <see cref="DefaultPageSize"/>.</summary>
    public int EffectivePageSize => PageSize <= 0 ? DefaultPageSize : Math.Min(PageSize, MaxPageSize);
}

/// <summary>How a membership holds a permission; a membership may hold it in several ways at once.</summary>
[Flags]
public enum AccessPaths
{
    /// <summary>Not at all.</summary>
    None = 0,

    /// <summary>Its role holds it (on every resource, when a resource was named).</summary>
    Role = 1,

    /// <summary>A grant to the membership itself on the resource holds it.</summary>
    DirectGrant = 2,

    /// <summary>A grant to one of the membership's groups on the resource holds it.</summary>
    GroupGrant = 4,
}

/// <summary>A member who holds a permission, and how.</summary>
/// <param name="UserId">The user.</param>
/// <param name="MembershipId">The user's membership in the team.</param>
/// <param name="Role">The membership's role.</param>
/// <param name="Via">Every way the membership holds the permission.</param>
public sealed record PermissionHolder(UserId UserId, MembershipId MembershipId, string Role, AccessPaths Via);

/// <summary>One page of <see cref="IAccessQueries.ListUsersWithPermission"/>.</summary>
/// <param name="Holders">The holders of this page, ordered by user id.</param>
/// <param name="Next">The cursor of the next page (pass it in <see cref="AccessPageRequest.Cursor"/>); <see langword="null"/> on the last page.</param>
public sealed record PermissionHolderPage(IReadOnlyList<PermissionHolder> Holders, string? Next)
{
    /// <summary>Gets whether another page follows.</summary>
    public bool HasMore => Next is not null;
}

/// <summary>A resource on which grants give a user a permission, and how they reach the user.</summary>
/// <param name="ResourceId">The host's resource id.</param>
/// <param name="Via">Whether a grant to the membership itself, one to one of its groups, or both give it.</param>
public sealed record ResourceReach(string ResourceId, AccessPaths Via);

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
