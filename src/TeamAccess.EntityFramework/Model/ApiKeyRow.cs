namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

internal sealed class ApiKeyRow
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public Guid MembershipId { get; set; }

    public string Name { get; set; } = "";

    // The lower-case hex SHA-256 of the key's secret; never the secret.
    public string Hash { get; set; } = "";

    public string Permissions { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Guid? ReplacedBy { get; set; }

    public DateTimeOffset? ExpiryRecordedAt { get; set; }

    // ExpiresAt in UTC ticks while the key's expiry is still to be recorded (unrevoked, not recorded), else null: the
    // expiry sweep's range read on a partial index (SQLite cannot compare DateTimeOffset values in a query).
    public long? PendingExpiryAtUtcTicks { get; set; }
}
