using System.Collections.Immutable;
using System.Text;

namespace TeamAccess.Storage;

/// <summary>
/// An API key as a store keeps it: the SHA-256 hash of its 256-bit secret (never the secret), the service account
/// (membership) that holds it, its expiry, an optional narrower permission set, and its revocation. Part of its team's
/// snapshot, so that revoking it reaches every instance through the change feed as any team change does.
/// </summary>
public sealed record StoredApiKey
{
    /// <summary>Initializes a new instance of the <see cref="StoredApiKey"/> record.</summary>
    /// <param name="id">The key's id, which the key's identifier part names.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="membershipId">The service account that holds the key.</param>
    /// <param name="name">The key's label, shown in lists.</param>
    /// <param name="hash">The lower-case hex SHA-256 hash of the key's secret part.</param>
    /// <param name="createdAt">When the key was created.</param>
    /// <param name="expiresAt">When the key stops working.</param>
    public StoredApiKey(ApiKeyId id, TeamId teamId, MembershipId membershipId, string name, string hash, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = id;
        TeamId = teamId;
        MembershipId = membershipId;
        Name = name;
        Hash = hash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the key's id.</summary>
    public ApiKeyId Id { get; init; }

    /// <summary>Gets the team.</summary>
    public TeamId TeamId { get; init; }

    /// <summary>Gets the service account that holds the key.</summary>
    public MembershipId MembershipId { get; init; }

    /// <summary>Gets the key's label.</summary>
    public string Name { get; init; }

    /// <summary>Gets the lower-case hex SHA-256 hash of the key's secret part. Never audited, never returned by a read API.</summary>
    public string Hash { get; init; }

    /// <summary>
    /// Gets the permission names the key is narrowed to, sorted and distinct; empty: the key acts with everything its
    /// service account holds. Either way it never holds more than the account.
    /// </summary>
    public ImmutableArray<string> Permissions { get; init; } = [];

    /// <summary>Gets when the key was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the key stops working (a rotation moves it to the end of the overlap).</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Gets who created the key; <see langword="null"/> for the host.</summary>
    public UserId? CreatedBy { get; init; }

    /// <summary>Gets when the key was revoked; <see langword="null"/> while it is not.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Gets the key that a rotation made to replace this one, if any.</summary>
    public ApiKeyId? ReplacedBy { get; init; }

    /// <summary>
    /// Gets when the expiry sweep recorded that the key expired (its <c>api_key.expired</c> event);
    /// <see langword="null"/> until then, and for a key revoked before it expired.
    /// </summary>
    public DateTimeOffset? ExpiryRecordedAt { get; init; }

    /// <summary>Gets whether the key's expiry is due to be recorded at <paramref name="now"/>: it expired, unrevoked, and no sweep recorded it yet.</summary>
    /// <param name="now">The time expiry is judged at.</param>
    /// <returns><see langword="true"/> when due.</returns>
    internal bool IsExpiryDue(DateTimeOffset now) => RevokedAt is null && ExpiryRecordedAt is null && ExpiresAt <= now;

    /// <summary>Prints the key without its hash, so that a host logging it leaks nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns><see langword="true"/>.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", TeamId = ").Append(TeamId).Append(", MembershipId = ").Append(MembershipId)
            .Append(", Name = ").Append(Name).Append(", Hash = [redacted], ExpiresAt = ").Append(ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", RevokedAt = ").Append(RevokedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
