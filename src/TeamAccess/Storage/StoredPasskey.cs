using System.Text;

namespace TeamAccess.Storage;

/// <summary>
/// A passkey (WebAuthn credential) as a store keeps it: the authenticator's credential id (unique across users), its
/// COSE public key, the signature counter and backup flags last seen, and the user's name for it. Nothing in it is secret,
/// but the public key and id are printed by length only.
/// </summary>
public sealed record StoredPasskey
{
    /// <summary>Initializes a new instance of the <see cref="StoredPasskey"/> record.</summary>
    /// <param name="id">The passkey's id.</param>
    /// <param name="userId">The user it signs in.</param>
    /// <param name="credentialId">The credential id the authenticator chose (at most 1023 bytes).</param>
    /// <param name="publicKey">The credential's public key, COSE-encoded.</param>
    /// <param name="name">The user's name for it.</param>
    /// <param name="createdAt">When it was registered.</param>
    public StoredPasskey(PasskeyId id, UserId userId, byte[] credentialId, byte[] publicKey, string name, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        CredentialId = credentialId;
        PublicKey = publicKey;
        Name = name;
        CreatedAt = createdAt;
    }

    /// <summary>The longest credential id WebAuthn allows.</summary>
    public const int MaxCredentialIdLength = 1023;

    /// <summary>Gets the passkey's id.</summary>
    public PasskeyId Id { get; init; }

    /// <summary>Gets the user it signs in.</summary>
    public UserId UserId { get; init; }

    /// <summary>Gets the credential id the authenticator chose; the store finds a passkey by it.</summary>
    public byte[] CredentialId { get; init; }

    /// <summary>Gets the COSE-encoded public key.</summary>
    public byte[] PublicKey { get; init; }

    /// <summary>Gets the user's name for it.</summary>
    public string Name { get; init; }

    /// <summary>Gets when it was registered.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when it was last used, if ever.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>Gets the signature counter last seen (0 for authenticators that keep none): a later one must be greater.</summary>
    public long SignCount { get; init; }

    /// <summary>Gets whether the credential may be synced to other devices (the BE flag, fixed at registration).</summary>
    public bool BackupEligible { get; init; }

    /// <summary>Gets whether the credential was backed up when last seen (the BS flag).</summary>
    public bool BackedUp { get; init; }

    /// <summary>Prints the passkey without its key material.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns><see langword="true"/>.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", UserId = ").Append(UserId).Append(", Name = ").Append(Name)
            .Append(", SignCount = ").Append(SignCount).Append(", BackupEligible = ").Append(BackupEligible).Append(", BackedUp = ").Append(BackedUp);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(StoredPasskey? other) =>
        other is not null && Id == other.Id && UserId == other.UserId && CredentialId.AsSpan().SequenceEqual(other.CredentialId)
        && PublicKey.AsSpan().SequenceEqual(other.PublicKey) && Name == other.Name && CreatedAt == other.CreatedAt && LastUsedAt == other.LastUsedAt
        && SignCount == other.SignCount && BackupEligible == other.BackupEligible && BackedUp == other.BackedUp;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, UserId, Name, SignCount);
}
