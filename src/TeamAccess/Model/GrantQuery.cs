namespace TeamAccess;

/// <summary>One page of a team's grants, ordered by resource, then grant id; optionally of one subject or one resource.</summary>
public sealed class GrantQuery : PageQuery<GrantPageKey>
{
    /// <summary>Gets the only subject (a membership or a group) whose grants to list; <see langword="null"/> for every subject.</summary>
    public GrantSubject? Subject { get; init; }

    /// <summary>Gets the only resource whose grants to list; <see langword="null"/> for every resource.</summary>
    public string? ResourceId { get; init; }
}
