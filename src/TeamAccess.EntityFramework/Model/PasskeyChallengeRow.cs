namespace TeamAccess.EntityFramework;

/// <summary>A WebAuthn challenge waiting for its answer, keyed by the hash of its id; taken by deleting it.</summary>
internal sealed class PasskeyChallengeRow
{
    public string IdHash { get; set; } = "";

    public Guid? UserId { get; set; }

    public string Options { get; set; } = "";

    /// <summary>UTC ticks: compared in SQL on every provider (SQLite has no ordered date type).</summary>
    public long ExpiresAtUtcTicks { get; set; }
}
