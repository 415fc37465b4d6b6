namespace TeamAccess;

/// <summary>The stable key a page of groups is ordered by and continues after: the group's handle, unique in its team.</summary>
/// <param name="Handle">The last group's handle.</param>
public readonly record struct GroupPageKey(string Handle);
