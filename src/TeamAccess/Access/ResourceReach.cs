namespace TeamAccess;

/// <summary>A resource on which grants give a user a permission, and how they reach the user.</summary>
/// <param name="ResourceId">The host's resource id.</param>
/// <param name="Via">Whether a grant to the membership itself, one to one of its groups, or both give it.</param>
public sealed record ResourceReach(string ResourceId, AccessPaths Via);
