namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>A resource that grants give a user a permission on, and whether directly, through a group, or both.</summary>
internal sealed record ResourceReachResponse(string ResourceId, IReadOnlyList<AccessPaths> Via)
{
    public static ResourceReachResponse From(ResourceReach r) => new(r.ResourceId, AccessPathList.Of(r.Via));
}
