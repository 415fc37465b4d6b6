namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>
/// A signed-out session, kept until it would have expired anyway. The expiry is stored as UTC ticks so that every
/// provider can compare it in SQL (SQLite cannot compare a stored date and time with an offset).
/// </summary>
internal sealed class RevokedSessionRow
{
    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset RevokedAt { get; set; }

    public long ExpiresAtUtcTicks { get; set; }
}
