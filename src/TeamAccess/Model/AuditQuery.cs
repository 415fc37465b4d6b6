namespace TeamAccess;

/// <summary>One page of a team's audit log, ordered by sequence number (the key a page continues after).</summary>
public sealed class AuditQuery : PageQuery<long>
{
    /// <summary>Gets whether the newest events come first; by default the oldest do.</summary>
    public bool NewestFirst { get; init; }
}
