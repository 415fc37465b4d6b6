namespace TeamAccess;

/// <summary>The stable key a page of grants is ordered by and continues after: the resource, then the grant id.</summary>
/// <param name="ResourceId">The last grant's resource.</param>
/// <param name="GrantId">The last grant's id.</param>
public readonly record struct GrantPageKey(string ResourceId, GrantId GrantId);
