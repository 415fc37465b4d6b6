namespace TeamAccess.Storage;

/// <summary>One page of directory members.</summary>
/// <param name="Members">The members on the page, in address order.</param>
/// <param name="Total">How many memberships match the filter.</param>
public sealed record DirectoryMemberPage(IReadOnlyList<DirectoryMemberRow> Members, int Total);
