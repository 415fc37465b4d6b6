namespace TeamAccess.Invitations;

/// <summary>One row of a team's invitation list. It never carries a token or a code.</summary>
public sealed class InvitationView
{
    /// <summary>Initializes a new instance of the <see cref="InvitationView"/> class.</summary>
    /// <param name="membershipId">The membership the invitation is for.</param>
    /// <param name="email">The invited address.</param>
    /// <param name="role">The role offered.</param>
    /// <param name="status">Where the invitation stands.</param>
    /// <param name="invitedBy">Who invited.</param>
    /// <param name="invitedAt">When the invitation was created.</param>
    /// <param name="lastSentAt">When it was last sent.</param>
    /// <param name="sendCount">How many times it was sent.</param>
    /// <param name="expiresAt">When it expires or expired.</param>
    internal InvitationView(MembershipId membershipId, string email, string role, InvitationStatus status, UserId? invitedBy, DateTimeOffset invitedAt, DateTimeOffset lastSentAt, int sendCount, DateTimeOffset expiresAt)
    {
        MembershipId = membershipId;
        Email = email;
        Role = role;
        Status = status;
        InvitedBy = invitedBy;
        InvitedAt = invitedAt;
        LastSentAt = lastSentAt;
        SendCount = sendCount;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the membership the invitation is for.</summary>
    public MembershipId MembershipId { get; }

    /// <summary>Gets the invited address.</summary>
    public string Email { get; }

    /// <summary>Gets the role offered.</summary>
    public string Role { get; }

    /// <summary>Gets where the invitation stands.</summary>
    public InvitationStatus Status { get; }

    /// <summary>Gets who invited.</summary>
    public UserId? InvitedBy { get; }

    /// <summary>Gets when the invitation was created.</summary>
    public DateTimeOffset InvitedAt { get; }

    /// <summary>Gets when it was last sent.</summary>
    public DateTimeOffset LastSentAt { get; }

    /// <summary>Gets how many times it was sent.</summary>
    public int SendCount { get; }

    /// <summary>Gets when it expires or expired.</summary>
    public DateTimeOffset ExpiresAt { get; }
}
