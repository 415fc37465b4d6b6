namespace TeamAccess.Storage;

/// <summary>One page of directory members.</summary>
public sealed class DirectoryMemberPage
{
    /// <summary>Initializes a new instance of the <see cref="DirectoryMemberPage"/> class.</summary>
    /// <param name="members">The members on the page, in address order.</param>
    /// <param name="total">How many memberships match the filter.</param>
    public DirectoryMemberPage(IReadOnlyList<DirectoryMemberRow> members, int total)
    {
        Members = members;
        Total = total;
    }

    /// <summary>Gets the members on the page, in address order.</summary>
    public IReadOnlyList<DirectoryMemberRow> Members { get; }

    /// <summary>Gets how many memberships match the filter.</summary>
    public int Total { get; }
}
