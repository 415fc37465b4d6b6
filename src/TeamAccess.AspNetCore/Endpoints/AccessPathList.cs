namespace TeamAccess.AspNetCore;

/// <summary>The ways of an <see cref="AccessPaths"/> value as a list, which JSON writes as an array of names.</summary>
internal static class AccessPathList
{
    private static readonly AccessPaths[] Each = [AccessPaths.Role, AccessPaths.DirectGrant, AccessPaths.GroupGrant];

    public static IReadOnlyList<AccessPaths> Of(AccessPaths via) => [.. Each.Where(path => (via & path) != 0)];
}
