namespace TeamAccess.EntityFramework;

internal sealed class TeamDomainRow
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public string Domain { get; set; } = "";

    public string Token { get; set; } = "";

    public TeamDomainState State { get; set; }

    // The domain while the claim is verified, else null: unique across all teams (one verified claim per domain).
    public string? VerifiedDomain { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }

    public DateTimeOffset NextCheckAt { get; set; }

    // UTC ticks of NextCheckAt: SQLite cannot compare DateTimeOffset, and the due read is a range on this index.
    public long NextCheckAtUtcTicks { get; set; }
}
