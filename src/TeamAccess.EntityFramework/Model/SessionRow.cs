namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>
/// One sign-in as its user's list of sessions shows it (<see cref="ISessionRecordStore"/>): apart from the team's rows, so
/// a sign-in bumps no version. Times are UTC ticks so that every provider can compare and order them in SQL.
/// </summary>
internal sealed class SessionRow
{
    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public Guid TeamId { get; set; }

    public Guid MembershipId { get; set; }

    public Guid MembershipStamp { get; set; }

    public Guid UserStamp { get; set; }

    /// <summary>The <c>amr</c> values, separated by spaces (none contains one).</summary>
    public string Methods { get; set; } = "";

    public string Device { get; set; } = "";

    public string? IpAddress { get; set; }

    public long SignedInAtUtcTicks { get; set; }

    public long ExpiresAtUtcTicks { get; set; }

    public long? LastSeenAtUtcTicks { get; set; }
}
