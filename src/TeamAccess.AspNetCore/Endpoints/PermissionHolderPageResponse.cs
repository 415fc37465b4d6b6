namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>One page of the holders of a permission; pass <see cref="Next"/> as <c>cursor</c> for the next page while <see cref="HasMore"/>.</summary>
internal sealed record PermissionHolderPageResponse(IReadOnlyList<PermissionHolderResponse> Holders, string? Next, bool HasMore)
{
    public static PermissionHolderPageResponse From(PermissionHolderPage page) => new([.. page.Holders.Select(PermissionHolderResponse.From)], page.Next, page.HasMore);
}
