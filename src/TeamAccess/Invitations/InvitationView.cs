namespace TeamAccess;

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
