namespace TeamAccess.Provisioning;

/// <summary>One page of the team's people as the directory sees them.</summary>
public sealed class DirectoryUserPage
{
    internal DirectoryUserPage(IReadOnlyList<DirectoryUser> users, int total, int startIndex)
    {
        Users = users;
        Total = total;
        StartIndex = startIndex;
    }

    /// <summary>Gets the people of the page, in address order.</summary>
    public IReadOnlyList<DirectoryUser> Users { get; }

    /// <summary>Gets how many people match the query (SCIM <c>totalResults</c>).</summary>
    public int Total { get; }

    /// <summary>Gets the 1-based position of the page's first person.</summary>
    public int StartIndex { get; }
}
