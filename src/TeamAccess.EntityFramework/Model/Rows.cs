namespace TeamAccess.EntityFramework;

// The rows are the store's own shapes, not the core's records: the core's records stay free of EF Core, and a column
// added here (or a child table, such as invitations keyed by membership) is a local change to the model and the mapping.

/// <summary>A user account.</summary>
internal sealed class UserRow
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public string? PasswordHash { get; set; }

    public int FailedSignInCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public bool EmailConfirmed { get; set; }

    public string? EmailConfirmationHash { get; set; }

    public DateTimeOffset? EmailConfirmationExpiresAt { get; set; }
    public Guid SessionStamp { get; set; }

    public string? PasswordResetTokenHash { get; set; }

    public DateTimeOffset? PasswordResetExpiresAt { get; set; }
}

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

/// <summary>A user's link to an external identity, unique by (issuer, subject).</summary>
internal sealed class UserLoginRow
{
    public string Issuer { get; set; } = "";

    public string Subject { get; set; } = "";

    public Guid UserId { get; set; }

    public string Provider { get; set; } = "";
}

/// <summary>A team; its version is the optimistic-concurrency token of everything inside the team.</summary>
internal sealed class TeamRow
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Handle { get; set; } = "";

    public TeamTier Tier { get; set; }

    public TeamStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }

    // The team's sign-in policy; accepted providers (names never hold a space) are stored space-separated.
    public bool SsoRequired { get; set; }

    public string? SsoProvider { get; set; }

    public string AcceptedProviders { get; set; } = "";

    public string? VerifiedDomain { get; set; }

    public string? JustInTimeRole { get; set; }

    // The team's ownership offer, if any: all null when there is none. On the team's row, so it changes under the
    // team's version with the memberships it names, and loading a team reads no other table for it.
    public Guid? OwnershipOfferId { get; set; }

    public Guid? OwnershipOfferFrom { get; set; }

    public Guid? OwnershipOfferTo { get; set; }

    public bool? OwnershipOfferKeepRole { get; set; }

    public DateTimeOffset? OwnershipOfferedAt { get; set; }

    public DateTimeOffset? OwnershipOfferExpiresAt { get; set; }
}

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

    // The invitation that created the membership, if any: all null for a membership that was not invited.
    public DateTimeOffset? InvitationExpiresAt { get; set; }

    public DateTimeOffset? InvitationLastSentAt { get; set; }

    public int? InvitationSendCount { get; set; }

    public long? InvitationLifetimeTicks { get; set; }

    public int? InvitationCodeAttempts { get; set; }

    public DateTimeOffset? InvitationAcceptedAt { get; set; }

    public DateTimeOffset? InvitationDeclinedAt { get; set; }
}

/// <summary>An invitation's hashed secrets, in a table of their own so that reading memberships never reads them.</summary>
internal sealed class InvitationSecretRow
{
    public Guid MembershipId { get; set; }

    public Guid TeamId { get; set; }

    public string TokenHash { get; set; } = "";

    public string CodeHash { get; set; } = "";

    public string CodeSalt { get; set; } = "";
}

/// <summary>A group of a team.</summary>
internal sealed class GroupRow
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public string Name { get; set; } = "";

    public string Handle { get; set; } = "";
}

/// <summary>A membership in a group. The team id is repeated so that a team's rows load with one predicate per table.</summary>
internal sealed class GroupMemberRow
{
    public Guid GroupId { get; set; }

    public Guid MembershipId { get; set; }

    public Guid TeamId { get; set; }
}

/// <summary>A grant; its permission names (which never hold a space) are stored space-separated.</summary>
internal sealed class GrantRow
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public GrantSubjectKind SubjectKind { get; set; }

    public Guid SubjectId { get; set; }

    public string ResourceId { get; set; } = "";

    public string Permissions { get; set; } = "";

    public Guid GrantedBy { get; set; }
}

/// <summary>An audit event; the database assigns the sequence.</summary>
internal sealed class AuditEventRow
{
    public long Sequence { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public Guid? ActorId { get; set; }

    public Guid? TeamId { get; set; }

    public AuditSubjectKind SubjectKind { get; set; }

    public Guid SubjectId { get; set; }

    public string Action { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }
}

/// <summary>One change-feed entry: a commit changed this team (to this version) or this user.</summary>
internal sealed class ChangeFeedRow
{
    public long Position { get; set; }

    public Guid? TeamId { get; set; }

    public long TeamVersion { get; set; }

    public Guid? UserId { get; set; }
}

/// <summary>A named change-feed consumer's stored position.</summary>
internal sealed class ChangeFeedCheckpointRow
{
    public string Consumer { get; set; } = "";

    public long Position { get; set; }
}
