namespace TeamAccess;

/// <summary>The stable key a page of teams is ordered by and continues after: the team's handle, unique among teams.</summary>
/// <param name="Handle">The last team's handle.</param>
public readonly record struct TeamPageKey(string Handle);
