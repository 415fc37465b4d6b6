namespace TeamAccess.EntityFramework;

/// <summary>A passkey: found by its credential id (unique), listed by user.</summary>
internal sealed class PasskeyRow
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public byte[] CredentialId { get; set; } = [];

    public byte[] PublicKey { get; set; } = [];

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public long SignCount { get; set; }

    public bool BackupEligible { get; set; }

    public bool BackedUp { get; set; }
}
