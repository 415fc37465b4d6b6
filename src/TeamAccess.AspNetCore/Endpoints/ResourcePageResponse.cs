namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>
/// One page of the resources grants give a user a permission on; <see cref="RoleReachesEveryResource"/> says whether the
/// user's role gives it on every resource anyway. Pass <see cref="Next"/> as <c>cursor</c> for the next page while <see cref="HasMore"/>.
/// </summary>
internal sealed record ResourcePageResponse(IReadOnlyList<ResourceReachResponse> Resources, bool RoleReachesEveryResource, string? Next, bool HasMore)
{
    public static ResourcePageResponse From(ResourcePage page) => new([.. page.Resources.Select(ResourceReachResponse.From)], page.RoleReachesEveryResource, page.Next, page.HasMore);
}
