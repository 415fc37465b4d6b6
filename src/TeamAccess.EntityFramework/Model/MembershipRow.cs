namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>A membership, terminal ones included.</summary>
internal sealed class MembershipRow
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public Guid? UserId { get; set; }

    public string Email { get; set; } = "";

    public string Role { get; set; } = "";

    public MembershipStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid SecurityStamp { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    // The expiry sweep's key: the invitation's expiry in UTC ticks while the membership is Invited, null otherwise (so its
    // index holds only pending invitations, and compares as a number on every provider).
    public long? PendingInvitationExpiresAtUtcTicks { get; set; }

    // The invitation that created the membership, if any: all null for a membership that was not invited.
    public DateTimeOffset? InvitationExpiresAt { get; set; }

    public DateTimeOffset? InvitationLastSentAt { get; set; }

    public int? InvitationSendCount { get; set; }

    public long? InvitationLifetimeTicks { get; set; }

    public DateTimeOffset? InvitationAcceptedAt { get; set; }

    public DateTimeOffset? InvitationDeclinedAt { get; set; }

    // A service account's name and description: both null for a person's membership.
    public string? ServiceAccountName { get; set; }

    public string? Description { get; set; }

    // Where the membership came from (0 the team, 1 its directory) and the directory's id of the person.
    public MembershipOrigin Origin { get; set; }

    public string? ExternalId { get; set; }
}
