namespace TeamAccess;

/// <summary>
/// The part of an invitation that is no secret and is audited with its membership: when it expires, how often it was
/// sent, how many wrong codes were tried, and how it ended. The secret itself is an <see cref="InvitationSecret"/>,
/// kept apart and never written to the audit log.
/// </summary>
/// <param name="ExpiresAt">When the current secret stops working.</param>
/// <param name="LastSentAt">When the message was last handed to the sender.</param>
/// <param name="SendCount">How many times the message was sent (1 for the first send).</param>
/// <param name="Lifetime">How long each secret lives from its send; a resend restarts it.</param>
public sealed record Invitation(DateTimeOffset ExpiresAt, DateTimeOffset LastSentAt, int SendCount, TimeSpan Lifetime)
{
    /// <summary>
    /// Gets how many wrong short codes were tried since the last send, whether the invitation was pending or already
    /// settled; right codes never count. At the limit the code locks (the link still works). Every try is recorded in a
    /// write against the team's version before it is answered, so guesses in parallel cannot pass the limit.
    /// </summary>
    public int CodeAttempts { get; init; }

    /// <summary>Gets when the invitee accepted, if they did.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Gets when the invitee declined, if they did.</summary>
    public DateTimeOffset? DeclinedAt { get; init; }
}

/// <summary>
/// The stored form of an invitation's secrets: only hashes. The link token (256 random bits) is stored as its SHA-256;
/// the short code, guessable offline, as a salted PBKDF2 key. Never returned by a read, never logged, never audited.
/// </summary>
/// <param name="TokenHash">The SHA-256 of the token's secret part, base64url.</param>
/// <param name="CodeHash">The PBKDF2-HMAC-SHA256 key of the short code, base64url.</param>
/// <param name="CodeSalt">The code's random salt, base64url.</param>
public sealed record InvitationSecret(string TokenHash, string CodeHash, string CodeSalt)
{
    /// <summary>Never prints the hashes: the short code's is guessable offline.</summary>
    /// <returns>A fixed text.</returns>
    public override string ToString() => "InvitationSecret { redacted }";
}

/// <summary>Where an invitation stands, as the team's invitation list shows it.</summary>
public enum InvitationStatus
{
    /// <summary>Sent and waiting for the invitee.</summary>
    Pending = 0,

    /// <summary>Not accepted in time; the address can be invited again.</summary>
    Expired = 1,

    /// <summary>Accepted: the membership went Active.</summary>
    Accepted = 2,

    /// <summary>Declined by the invitee.</summary>
    Declined = 3,

    /// <summary>Revoked by the team before it was accepted.</summary>
    Revoked = 4,
}

/// <summary>One row of a team's invitation list. It never carries a token or a code.</summary>
/// <param name="MembershipId">The membership the invitation is for.</param>
/// <param name="Email">The invited address.</param>
/// <param name="Role">The role offered.</param>
/// <param name="Status">Where the invitation stands.</param>
/// <param name="InvitedBy">Who invited.</param>
/// <param name="InvitedAt">When the invitation was created.</param>
/// <param name="LastSentAt">When it was last sent.</param>
/// <param name="SendCount">How many times it was sent.</param>
/// <param name="ExpiresAt">When it expires or expired.</param>
public sealed record InvitationView(
    MembershipId MembershipId,
    string Email,
    string Role,
    InvitationStatus Status,
    UserId? InvitedBy,
    DateTimeOffset InvitedAt,
    DateTimeOffset LastSentAt,
    int SendCount,
    DateTimeOffset ExpiresAt);

/// <summary>What an invitee may see before accepting ("you are invited to team X as Member"). Looking never consumes the invitation.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="TeamName">The team's name.</param>
/// <param name="TeamHandle">The team's handle.</param>
/// <param name="Email">The invited address.</param>
/// <param name="Role">The role offered.</param>
/// <param name="Status">Where the invitation stands.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="RequiresSso">Whether it must be accepted through the team's single sign-on provider.</param>
public sealed record InvitationPreview(
    TeamId TeamId,
    string TeamName,
    string TeamHandle,
    string Email,
    string Role,
    InvitationStatus Status,
    DateTimeOffset ExpiresAt,
    bool RequiresSso);
