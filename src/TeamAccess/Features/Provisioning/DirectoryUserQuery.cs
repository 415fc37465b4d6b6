namespace TeamAccess.Provisioning;

/// <summary>Which of the team's people the directory lists (a SCIM filter and page): at most one filter.</summary>
public sealed class DirectoryUserQuery
{
    /// <summary>The most people one page holds (the SCIM <c>filter.maxResults</c>); a larger count is cut to it.</summary>
    public const int MaxCount = 200;

    /// <summary>Gets the address to match exactly (<c>userName eq</c>).</summary>
    public string? Email { get; init; }

    /// <summary>Gets the directory id to match exactly (<c>externalId eq</c>).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the membership to match (<c>id eq</c>).</summary>
    public MembershipId? Id { get; init; }

    /// <summary>Gets the 1-based position of the first person of the page (SCIM <c>startIndex</c>). Default 1.</summary>
    public int StartIndex { get; init; } = 1;

    /// <summary>Gets how many people the page holds at most (SCIM <c>count</c>), cut to <see cref="MaxCount"/>. Default <see cref="MaxCount"/>.</summary>
    public int Count { get; init; } = MaxCount;
}
