namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A member who holds a permission, and every way they hold it (Role, DirectGrant, GroupGrant).</summary>
internal sealed record PermissionHolderResponse(Guid UserId, Guid MembershipId, string Role, IReadOnlyList<AccessPaths> Via)
{
    public static PermissionHolderResponse From(PermissionHolder h) => new(h.UserId.Value, h.MembershipId.Value, h.Role, AccessPathList.Of(h.Via));
}
