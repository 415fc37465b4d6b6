namespace TeamAccess;

/// <summary>
/// The part of an invitation that is no secret and is audited with its membership: when it expires, how often it was
/// sent, and how it ended. Tries of its short code are no part of it: they are counted apart from the team
/// (<see cref="InvitationOptions.MaxCodeAttempts"/>). The secret itself is an <see cref="InvitationSecret"/>,
/// kept apart and never written to the audit log.
/// </summary>
public sealed record Invitation
{
    /// <summary>Initializes a new instance of the <see cref="Invitation"/> record.</summary>
    /// <param name="expiresAt">When the current secret stops working.</param>
    /// <param name="lastSentAt">When the message was last handed to the sender.</param>
    /// <param name="sendCount">How many times the message was sent (1 for the first send).</param>
    /// <param name="lifetime">How long each secret lives from its send; a resend restarts it.</param>
    public Invitation(DateTimeOffset expiresAt, DateTimeOffset lastSentAt, int sendCount, TimeSpan lifetime)
    {
        ExpiresAt = expiresAt;
        LastSentAt = lastSentAt;
        SendCount = sendCount;
        Lifetime = lifetime;
    }

    /// <summary>Gets when the current secret stops working.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Gets when the message was last handed to the sender.</summary>
    public DateTimeOffset LastSentAt { get; init; }

    /// <summary>Gets how many times the message was sent (1 for the first send).</summary>
    public int SendCount { get; init; }

    /// <summary>Gets how long each secret lives from its send; a resend restarts it.</summary>
    public TimeSpan Lifetime { get; init; }

    /// <summary>Gets when the invitee accepted, if they did.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Gets when the invitee declined, if they did.</summary>
    public DateTimeOffset? DeclinedAt { get; init; }
}
