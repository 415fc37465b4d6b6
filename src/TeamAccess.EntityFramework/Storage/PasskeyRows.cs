namespace TeamAccess.EntityFramework;

/// <summary>Passkeys and their challenges, between the core's records and this store's rows.</summary>
internal static class PasskeyRows
{
    public static PasskeyRow ToRow(StoredPasskey passkey) => new()
    {
        Id = passkey.Id.Value,
        UserId = passkey.UserId.Value,
        CredentialId = passkey.CredentialId,
        PublicKey = passkey.PublicKey,
        Name = passkey.Name,
        CreatedAt = passkey.CreatedAt,
        LastUsedAt = passkey.LastUsedAt,
        SignCount = passkey.SignCount,
        BackupEligible = passkey.BackupEligible,
        BackedUp = passkey.BackedUp,
    };

    public static StoredPasskey ToStored(PasskeyRow row) => new(new PasskeyId(row.Id), new UserId(row.UserId), row.CredentialId, row.PublicKey, row.Name, row.CreatedAt)
    {
        LastUsedAt = row.LastUsedAt,
        SignCount = row.SignCount,
        BackupEligible = row.BackupEligible,
        BackedUp = row.BackedUp,
    };

    public static PasskeyChallengeRow ToRow(StoredPasskeyChallenge challenge) => new()
    {
        IdHash = challenge.IdHash,
        UserId = challenge.UserId?.Value,
        Options = challenge.Options,
        ExpiresAtUtcTicks = challenge.ExpiresAt.UtcTicks,
    };

    public static StoredPasskeyChallenge ToStored(PasskeyChallengeRow row) =>
        new(row.IdHash, row.UserId is { } user ? new UserId(user) : null, row.Options, new DateTimeOffset(row.ExpiresAtUtcTicks, TimeSpan.Zero));
}
