namespace TeamAccess.Storage;

/// <summary>Which of a team's current person memberships a directory reads: at most one filter, then a page by position.</summary>
public sealed class DirectoryMemberQuery
{
    /// <summary>Gets the normalized address to match exactly (SCIM <c>userName eq</c>).</summary>
    public string? Email { get; init; }

    /// <summary>Gets the directory id to match exactly (SCIM <c>externalId eq</c>).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the membership to match (SCIM <c>id eq</c>, and a read by id).</summary>
    public MembershipId? Id { get; init; }

    /// <summary>Gets how many matching memberships to skip (SCIM <c>startIndex</c> minus one).</summary>
    public int Offset { get; init; }

    /// <summary>Gets how many memberships to return at most (SCIM <c>count</c>); zero reads only the total.</summary>
    public int Count { get; init; }
}
